package com.spaceduck.identity.signup;

import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.password.PasswordPolicy;
import com.spaceduck.identity.validation.EmailAddress;
import com.spaceduck.identity.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /beak/signup}. The password must meet the password policy (12 to 128 characters, two
 * character classes, not containing the email address); the display name defaults to the email's
 * local part.
 */
@AcceptablePassword
public record SignupRequest(
    @Schema(examples = "ada@example.com", maxLength = EmailAddresses.MAX_LENGTH)
        @NotNull
        @EmailAddress
        String email,
    @Schema(
            examples = "Correct-Horse-Battery-42",
            minLength = PasswordPolicy.MIN_LENGTH,
            maxLength = PasswordPolicy.MAX_LENGTH)
        @NotNull
        String password,
    @Schema(examples = "Ada Duck") @Size(max = 100) @PlainText String displayName) {}

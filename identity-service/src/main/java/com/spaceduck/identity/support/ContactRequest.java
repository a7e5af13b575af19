package com.spaceduck.identity.support;

import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.validation.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ContactRequest(
    @Schema(examples = "ada@example.com", maxLength = EmailAddresses.MAX_LENGTH)
        @NotNull
        @EmailAddress
        String email,
    @Schema(examples = "My certificate shows the wrong name.") @NotBlank @Size(max = 5000)
        String message) {}

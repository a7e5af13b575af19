package com.spaceduck.identity.newsletter;

import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.validation.EmailAddress;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SubscribeRequest(
    @Schema(examples = "ada@example.com", maxLength = EmailAddresses.MAX_LENGTH)
        @NotNull
        @EmailAddress
        String email) {}

package com.spaceduck.identity.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /beak/verify/phone}: an E.164 number such as {@code +447911123456}. */
public record PhoneRequest(
    @Schema(examples = "+447911123456")
        @NotNull
        @Pattern(
            regexp = "\\+[1-9][0-9]{6,14}",
            message = "must be an E.164 number such as +447911123456")
        String phone) {}

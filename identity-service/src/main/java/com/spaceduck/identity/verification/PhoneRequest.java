package com.spaceduck.identity.verification;

import com.spaceduck.identity.validation.E164;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /beak/verify/phone}: an E.164 number such as {@code +447911123456}. */
public record PhoneRequest(
    @Schema(examples = "+447911123456", pattern = "\\+[1-9][0-9]{6,14}") @NotNull @E164
        String phone) {}

package com.spaceduck.sync.venues;

import com.spaceduck.sync.validation.CurrencyCode;
import com.spaceduck.sync.validation.TimeZoneId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/venues}.
 *
 * @param name shown in the DuckHub app
 * @param timezone an IANA zone such as {@code Europe/Berlin}; {@code UTC} when absent
 * @param currency the venue's ISO 4217 currency, when it has one
 */
public record CreateVenueRequest(
    @Schema(examples = "Pond Diner") @NotBlank @Size(max = 200) String name,
    @Schema(examples = "Europe/Berlin") @Size(max = 64) @TimeZoneId String timezone,
    @Schema(examples = "EUR", pattern = "[A-Z]{3}") @CurrencyCode String currency) {}

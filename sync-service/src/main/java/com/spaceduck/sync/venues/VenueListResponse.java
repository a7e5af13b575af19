package com.spaceduck.sync.venues;

import java.util.List;

/** {@code GET /v1/venues}: the caller's venues, oldest first. */
public record VenueListResponse(List<VenueResponse> venues) {}

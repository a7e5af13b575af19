package com.spaceduck.identity.trust;

import java.util.List;

public record ElevationListResponse(List<ElevationResponse> requests) {}

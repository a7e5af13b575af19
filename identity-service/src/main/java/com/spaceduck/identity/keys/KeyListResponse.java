package com.spaceduck.identity.keys;

import java.util.List;

/** {@code GET /beak/keys}. */
public record KeyListResponse(List<KeyResponse> keys) {}

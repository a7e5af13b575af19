package com.spaceduck.identity.support;

import java.util.UUID;

public record ContactResponse(UUID ticketId) {}

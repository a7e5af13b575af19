package com.spaceduck.identity.webhooks;

import java.util.List;

public record WebhookListResponse(List<WebhookResponse> webhooks) {}

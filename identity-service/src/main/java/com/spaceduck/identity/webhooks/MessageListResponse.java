package com.spaceduck.identity.webhooks;

import java.util.List;

/** One page of messages, newest first; {@code next_page} is null on the last page. */
public record MessageListResponse(
    List<MessageResponse> messages, int page, int size, Integer nextPage) {}

package com.spaceduck.identity.webhooks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of messages, newest first; {@code next_page} is null on the last page. */
public record MessageListResponse(
    List<MessageResponse> messages,
    @Schema(examples = "0") int page,
    @Schema(examples = "20") int size,
    @Schema(examples = "1") Integer nextPage) {}

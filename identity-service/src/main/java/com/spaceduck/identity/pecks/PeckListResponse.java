package com.spaceduck.identity.pecks;

import java.util.List;

/** One page of pecks, newest first; {@code next_page} is null on the last page. */
public record PeckListResponse(List<PeckView> pecks, int page, int size, Integer nextPage) {}

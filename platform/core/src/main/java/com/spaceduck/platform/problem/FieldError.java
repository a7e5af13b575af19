package com.spaceduck.platform.problem;

/**
 * One invalid input: {@code field} is the path in the request as the client wrote it ({@code
 * email}, {@code items[12].price.amount}).
 */
public record FieldError(String field, String message) {}

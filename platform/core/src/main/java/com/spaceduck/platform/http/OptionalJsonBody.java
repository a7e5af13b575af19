package com.spaceduck.platform.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A resource method whose JSON body may be left out: a request without a body is read as JSON
 * whatever its Content-Type says (clients send none, or {@code text/plain}), so the body parameter
 * is {@code null} and still bound and validated like any other when present. A request with a body
 * must still say it is JSON. Leave {@code @Consumes} off the method: the filter runs after routing,
 * which would refuse the bare request first.
 */
@NameBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface OptionalJsonBody {}

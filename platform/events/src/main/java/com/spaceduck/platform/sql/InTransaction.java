package com.spaceduck.platform.sql;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a method that returns a {@code Uni} in a transaction of {@link Database}: the statements of
 * the pipeline it returns share one connection and commit together when it succeeds.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InTransaction {}

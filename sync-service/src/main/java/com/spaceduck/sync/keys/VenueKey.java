package com.spaceduck.sync.keys;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that a venue's API key calls: {@link VenueKeyFilter} checks the key before the
 * body is read, and {@link KeyHolder} then names the venue.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface VenueKey {}

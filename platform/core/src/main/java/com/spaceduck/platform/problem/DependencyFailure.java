package com.spaceduck.platform.problem;

/**
 * Recognises a failure that means a dependency (the database, Redis, another service) could not be
 * reached: a connection refused, dropped or closed by the server. Clients get those as a 503
 * problem with {@code Retry-After} rather than a 500. A module that brings a client contributes a
 * bean for that client's own failures.
 */
public interface DependencyFailure {

  /** Whether this throwable itself (its causes are asked separately) is such a failure. */
  boolean unreachable(Throwable failure);
}

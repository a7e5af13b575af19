package com.spaceduck.cert;

/**
 * A certificate's status as clients see it. Only {@link #DRAFT}, {@link #ISSUED} and {@link
 * #REVOKED} are stored; {@link #EXPIRED} is computed when the certificate is read, so it is exact
 * at that moment without a job rewriting rows.
 */
public enum CertStatus {
  DRAFT,
  ISSUED,
  REVOKED,
  EXPIRED
}

package com.spaceduck.cert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the certificate service; their ranges are checked at start ({@link CertSettings}).
 */
@ConfigMapping(prefix = "spaceduck.cert")
public interface CertConfig {

  /** How long a certificate is valid after issuance; it reads as EXPIRED from then on. */
  @WithDefault("P365D")
  Duration lifetime();

  /**
   * The public host (and optional port) of the API, as in {@code https://<host>/beak/cert/verify}:
   * used in QR codes, status list URLs and the credentials' issuer. No scheme, no path.
   */
  @WithDefault("spaceduck.example")
  String publicHost();

  /** Signed credentials. */
  Credentials credentials();

  /** Revocation status lists. */
  StatusLists statusLists();

  /**
   * Keys of the signed credentials; the README's "Signing keys" says how to make and rotate them.
   */
  interface Credentials {

    /**
     * PEM (PKCS#8) EC P-256 private key that signs new credentials and status lists. Required:
     * start-up fails without it.
     */
    Optional<String> signingKeyLocation();

    /** PEM public half of the signing key (checked to match it). Required. */
    Optional<String> publicKeyLocation();

    /**
     * PEM public keys of earlier signing keys, still published in the JWKS and accepted by verify
     * so the credentials they signed stay valid until they expire or are re-issued.
     */
    Optional<List<String>> retiredKeyLocations();
  }

  /** W3C Bitstring Status Lists. */
  interface StatusLists {

    /** Entries (bits) per new list; the W3C minimum is 131,072 (16 KiB). A multiple of 8. */
    @WithDefault("131072")
    int size();

    /**
     * Certificates given an index in one list before the next list is opened. Half the size keeps a
     * random free index quick to find while each list still hides its holders among many.
     */
    @WithDefault("65536")
    int maxAssigned();

    /** {@code Cache-Control: max-age} of a status list: how stale a cached list may be. */
    @WithDefault("60s")
    Duration maxAge();
  }
}

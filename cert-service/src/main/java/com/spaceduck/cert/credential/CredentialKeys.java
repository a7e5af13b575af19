package com.spaceduck.cert.credential;

import com.spaceduck.cert.CertConfig;
import com.spaceduck.cert.verifier.CredentialSigning;
import com.spaceduck.cert.verifier.CredentialVerifier;
import com.spaceduck.platform.keys.PemKeys;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * cert-service's own credential keys (never identity-service's), loaded once at start-up: the EC
 * P-256 key pair that signs new credentials and status lists, and the public keys of retired
 * signing keys that stay published. A missing, unreadable, mismatched or non-P-256 key stops the
 * service from starting with a message naming the setting.
 */
@Startup
@ApplicationScoped
public class CredentialKeys {

  static final String PREFIX = "spaceduck.cert.credentials.";
  static final String SIGNING_KEY = PREFIX + "signing-key-location";
  static final String PUBLIC_KEY = PREFIX + "public-key-location";
  static final String RETIRED_KEYS = PREFIX + "retired-key-locations";

  private static final Logger LOG = Logger.getLogger(CredentialKeys.class);
  private static final String HINT =
      "cert-service signs credentials with its own EC P-256 key pair. Make one with"
          + " `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out signing.pem &&"
          + " openssl pkey -in signing.pem -pubout -out signing.pub.pem` and set"
          + " SPACEDUCK_CERT_CREDENTIALS_SIGNING_KEY_LOCATION and"
          + " SPACEDUCK_CERT_CREDENTIALS_PUBLIC_KEY_LOCATION to the two files"
          + " (cert-service/README.md, \"Signing keys\").";

  private final PrivateKey signingKey;
  private final String signingKeyId;
  private final Map<String, PublicKey> published;
  private final String jwks;
  private final CredentialVerifier verifier;

  @Inject
  public CredentialKeys(CertConfig config) {
    this(config.credentials());
  }

  CredentialKeys(CertConfig.Credentials settings) {
    this.signingKey = privateKey(settings.signingKeyLocation());
    PublicKey signingPublic = publicKey(settings.publicKeyLocation(), PUBLIC_KEY);
    PemKeys.requirePair(
        signingKey, signingPublic, SignatureAlgorithm.ES256, SIGNING_KEY, PUBLIC_KEY);
    this.signingKeyId = CredentialSigning.keyId(signingPublic);
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    keys.put(signingKeyId, signingPublic);
    for (String location : settings.retiredKeyLocations().orElse(List.of())) {
      PublicKey retired = publicKey(Optional.of(location), RETIRED_KEYS);
      keys.putIfAbsent(CredentialSigning.keyId(retired), retired);
    }
    this.published = Map.copyOf(keys);
    this.jwks = CredentialSigning.jwks(keys);
    this.verifier = new CredentialVerifier(keys);
    LOG.infof(
        "Credentials are signed with key %s; %d retired key(s) still published",
        signingKeyId, keys.size() - 1);
  }

  /** The compact ES256 JWS of {@code payload} (JSON), signed with the signing key. */
  public String sign(String payload, String type) {
    return CredentialSigning.sign(payload, type, signingKey, signingKeyId);
  }

  /** The {@code kid} of the signing key (its RFC 7638 thumbprint). */
  public String signingKeyId() {
    return signingKeyId;
  }

  /** The {@code kid}s of the retired keys still published. */
  public List<String> retiredKeyIds() {
    return published.keySet().stream().filter(kid -> !kid.equals(signingKeyId)).toList();
  }

  /** The JWK Set of every published key, the signing key first. */
  public String jwks() {
    return jwks;
  }

  /** Checks credentials against every published key. */
  public CredentialVerifier verifier() {
    return verifier;
  }

  private static PrivateKey privateKey(Optional<String> location) {
    return PemKeys.privateKey(SIGNING_KEY, location, SignatureAlgorithm.ES256, HINT);
  }

  private static PublicKey publicKey(Optional<String> location, String property) {
    PublicKey key = PemKeys.publicKey(property, location, SignatureAlgorithm.ES256, HINT);
    try {
      CredentialSigning.requireP256(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          property + " (" + location.get() + "): " + e.getMessage() + ". " + HINT, e);
    }
    return key;
  }
}

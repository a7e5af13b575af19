package com.spaceduck.cert.credential;

import com.spaceduck.cert.CertConfig;
import com.spaceduck.cert.verifier.CredentialSigning;
import com.spaceduck.cert.verifier.CredentialVerifier;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
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
      " cert-service signs credentials with its own EC P-256 key pair. Make one with"
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
    requirePair(signingKey, signingPublic);
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
    String pem = read(location, SIGNING_KEY);
    try {
      return KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.ES256);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          SIGNING_KEY + " (" + location.get() + ") is not a PEM EC private key." + HINT, e);
    }
  }

  private static PublicKey publicKey(Optional<String> location, String property) {
    String pem = read(location, property);
    PublicKey key;
    try {
      key = KeyUtils.decodePublicKey(pem, SignatureAlgorithm.ES256);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          property + " (" + location.get() + ") is not a PEM EC public key." + HINT, e);
    }
    try {
      CredentialSigning.requireP256(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          property + " (" + location.get() + "): " + e.getMessage() + "." + HINT, e);
    }
    return key;
  }

  private static String read(Optional<String> location, String property) {
    if (location.isEmpty() || location.get().isBlank()) {
      throw new IllegalStateException(property + " is not set." + HINT);
    }
    String content;
    try {
      content = ResourceUtils.readResource(location.get());
    } catch (Exception e) {
      content = null;
    }
    if (content == null || content.isBlank()) {
      throw new IllegalStateException(
          property + " points to " + location.get() + ", which cannot be read." + HINT);
    }
    return content;
  }

  private static void requirePair(PrivateKey privateKey, PublicKey publicKey) {
    try {
      byte[] probe = "spaceduck credential key pair check".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalStateException(
            SIGNING_KEY + " and " + PUBLIC_KEY + " are not the two halves of one key pair.");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          SIGNING_KEY + " and " + PUBLIC_KEY + " cannot be checked as an EC key pair." + HINT, e);
    }
  }
}

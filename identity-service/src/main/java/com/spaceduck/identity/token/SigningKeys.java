package com.spaceduck.identity.token;

import com.spaceduck.platform.keys.PemKeys;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair of {@code sd_token}s, loaded once at start-up from the locations SmallRye JWT
 * reads ({@code smallrye.jwt.sign.key.location}, {@code mp.jwt.verify.publickey.location}). A
 * missing, unreadable or mismatched key stops the service from starting, with a message naming the
 * setting, rather than failing the first sign-in.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

  static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
  static final String SIGN_KEY_ENV = "SMALLRYE_JWT_SIGN_KEY_LOCATION";
  static final String PUBLIC_KEY = "mp.jwt.verify.publickey.location";
  static final String PUBLIC_KEY_ENV = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";

  private final PrivateKey signingKey;
  private final RSAPublicKey publicKey;
  private final String keyId;

  public SigningKeys(
      @ConfigProperty(name = SIGN_KEY) Optional<String> signingKeyLocation,
      @ConfigProperty(name = PUBLIC_KEY) Optional<String> publicKeyLocation) {
    this.signingKey =
        PemKeys.privateKey(
            SIGN_KEY, signingKeyLocation, SignatureAlgorithm.RS256, hint(SIGN_KEY_ENV, "private"));
    PublicKey decoded =
        PemKeys.publicKey(
            PUBLIC_KEY,
            publicKeyLocation,
            SignatureAlgorithm.RS256,
            hint(PUBLIC_KEY_ENV, "public"));
    if (!(decoded instanceof RSAPublicKey rsa)) {
      throw new IllegalStateException(PUBLIC_KEY + " is not an RSA public key");
    }
    this.publicKey = rsa;
    PemKeys.requirePair(signingKey, publicKey, SignatureAlgorithm.RS256, SIGN_KEY, PUBLIC_KEY);
    this.keyId = thumbprint(publicKey);
  }

  public PrivateKey signingKey() {
    return signingKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** The {@code kid}: the key's RFC 7638 JWK thumbprint, stable for a given key. */
  public String keyId() {
    return keyId;
  }

  /** Unsigned big-endian base64url, as JWK's {@code n} and {@code e} want. */
  static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hint(String env, String half) {
    return "identity-service needs the RSA "
        + half
        + " key of sd_tokens: set it (environment variable "
        + env
        + ") to a PEM file; scripts/run-local.sh generates a development pair in .local/jwt/.";
  }

  private static String thumbprint(RSAPublicKey key) {
    String canonical =
        "{\"e\":\""
            + base64Url(key.getPublicExponent())
            + "\",\"kty\":\"RSA\",\"n\":\""
            + base64Url(key.getModulus())
            + "\"}";
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

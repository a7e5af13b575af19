package com.spaceduck.identity.token;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
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
    String signing = read(signingKeyLocation, SIGN_KEY, SIGN_KEY_ENV, "RSA private");
    String verifying = read(publicKeyLocation, PUBLIC_KEY, PUBLIC_KEY_ENV, "RSA public");
    try {
      this.signingKey = KeyUtils.decodePrivateKey(signing);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          SIGN_KEY + " (" + signingKeyLocation.get() + ") is not a PEM RSA private key", e);
    }
    PublicKey decoded;
    try {
      decoded = KeyUtils.decodePublicKey(verifying);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          PUBLIC_KEY + " (" + publicKeyLocation.get() + ") is not a PEM RSA public key", e);
    }
    if (!(decoded instanceof RSAPublicKey rsa)) {
      throw new IllegalStateException(PUBLIC_KEY + " is not an RSA public key");
    }
    this.publicKey = rsa;
    requirePair(signingKey, publicKey);
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

  private static String read(
      Optional<String> location, String property, String env, String description) {
    String hint =
        "identity-service needs the "
            + description
            + " key of sd_tokens: set "
            + property
            + " (environment variable "
            + env
            + ") to a PEM file; scripts/run-local.sh generates a development pair in .local/jwt/.";
    if (location.isEmpty() || location.get().isBlank()) {
      throw new IllegalStateException(property + " is not set. " + hint);
    }
    String content;
    try {
      content = ResourceUtils.readResource(location.get());
    } catch (Exception e) {
      content = null;
    }
    if (content == null || content.isBlank()) {
      throw new IllegalStateException(
          property + " points to " + location.get() + ", which cannot be read. " + hint);
    }
    return content;
  }

  private static void requirePair(PrivateKey privateKey, PublicKey publicKey) {
    try {
      byte[] probe = "spaceduck key pair check".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalStateException(
            SIGN_KEY + " and " + PUBLIC_KEY + " are not the two halves of one key pair");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot check the sd_token key pair", e);
    }
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

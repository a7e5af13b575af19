package com.spaceduck.platform.keys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

/**
 * Loads the PEM keys a service is configured with, once at start-up. Every failure is an {@link
 * IllegalStateException} whose message starts with the setting's name and ends with {@code hint}
 * (how to make or point to the key), so a service that cannot sign or verify refuses to start with
 * a message an operator can act on instead of failing its first request.
 *
 * <p>A location is what SmallRye JWT reads: a file path, or a {@code classpath:}, {@code file:} or
 * bare classpath resource.
 */
public final class PemKeys {

  private PemKeys() {}

  /** The private key at {@code location}, read as {@code algorithm}'s key type (RSA or EC). */
  public static PrivateKey privateKey(
      String setting, Optional<String> location, SignatureAlgorithm algorithm, String hint) {
    return load(setting, location, algorithm, hint, "private", KeyUtils::decodePrivateKey);
  }

  /** The public key at {@code location}, read as {@code algorithm}'s key type (RSA or EC). */
  public static PublicKey publicKey(
      String setting, Optional<String> location, SignatureAlgorithm algorithm, String hint) {
    return load(setting, location, algorithm, hint, "public", KeyUtils::decodePublicKey);
  }

  private interface Decoder<K> {
    K decode(String pem, SignatureAlgorithm algorithm) throws GeneralSecurityException;
  }

  private static <K> K load(
      String setting,
      Optional<String> location,
      SignatureAlgorithm algorithm,
      String hint,
      String half,
      Decoder<K> decoder) {
    String pem = read(setting, location, hint);
    try {
      return decoder.decode(pem, algorithm);
    } catch (GeneralSecurityException | RuntimeException e) {
      String type = algorithm.name().startsWith("ES") ? "EC" : "RSA";
      throw new IllegalStateException(
          setting + " (" + location.get() + ") is not a PEM " + type + " " + half + " key. " + hint,
          e);
    }
  }

  /**
   * Refuses two keys that are not the halves of one pair: a signature made with {@code privateKey}
   * must verify with {@code publicKey}.
   */
  public static void requirePair(
      PrivateKey privateKey,
      PublicKey publicKey,
      SignatureAlgorithm algorithm,
      String privateSetting,
      String publicSetting) {
    String jca = algorithm == SignatureAlgorithm.ES256 ? "SHA256withECDSA" : "SHA256withRSA";
    try {
      byte[] probe = "spaceduck key pair check".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(jca);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(jca);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          privateSetting + " and " + publicSetting + " cannot be checked as one key pair.", e);
    }
    throw new IllegalStateException(
        privateSetting + " and " + publicSetting + " are not the two halves of one key pair.");
  }

  private static String read(String setting, Optional<String> location, String hint) {
    if (location.isEmpty() || location.get().isBlank()) {
      throw new IllegalStateException(setting + " is not set. " + hint);
    }
    String content;
    try {
      content = ResourceUtils.readResource(location.get());
    } catch (Exception e) {
      content = null;
    }
    if (content == null || content.isBlank()) {
      throw new IllegalStateException(
          setting + " points to " + location.get() + ", which cannot be read. " + hint);
    }
    return content;
  }
}

package com.spaceduck.cert.verifier;

import static com.spaceduck.cert.verifier.CredentialFormat.ALGORITHM;
import static com.spaceduck.cert.verifier.CredentialFormat.CERT_ID;
import static com.spaceduck.cert.verifier.CredentialFormat.CREDENTIAL_STATUS;
import static com.spaceduck.cert.verifier.CredentialFormat.CREDENTIAL_SUBJECT;
import static com.spaceduck.cert.verifier.CredentialFormat.CREDENTIAL_TYPE;
import static com.spaceduck.cert.verifier.CredentialFormat.DISPLAY_NAME;
import static com.spaceduck.cert.verifier.CredentialFormat.ENCODED_LIST;
import static com.spaceduck.cert.verifier.CredentialFormat.EXPIRES_AT;
import static com.spaceduck.cert.verifier.CredentialFormat.ISSUED_AT;
import static com.spaceduck.cert.verifier.CredentialFormat.MAX_CREDENTIAL_LENGTH;
import static com.spaceduck.cert.verifier.CredentialFormat.REVOCATION;
import static com.spaceduck.cert.verifier.CredentialFormat.STATUS_ENTRY_TYPE;
import static com.spaceduck.cert.verifier.CredentialFormat.STATUS_LIST_CREDENTIAL;
import static com.spaceduck.cert.verifier.CredentialFormat.STATUS_LIST_INDEX;
import static com.spaceduck.cert.verifier.CredentialFormat.STATUS_LIST_SUBJECT_TYPE;
import static com.spaceduck.cert.verifier.CredentialFormat.STATUS_LIST_TYPE;
import static com.spaceduck.cert.verifier.CredentialFormat.STATUS_PURPOSE;
import static com.spaceduck.cert.verifier.CredentialFormat.TRUST_TIER;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Checks Space Duck birth certificate credentials without calling cert-service: from the
 * credential, the JWKS published at {@code /beak/cert/.well-known/jwks.json} and the status list
 * credential the credential names. Thread-safe; build one per JWKS.
 *
 * <pre>{@code
 * CredentialVerifier verifier = CredentialVerifier.fromJwks(jwksJson);
 * Verdict verdict = verifier.verify(credential, statusListJws, Instant.now());
 * switch (verdict.outcome()) { case VALID -> ...; case REVOKED, EXPIRED, FORGED -> ...; }
 * }</pre>
 *
 * <p>Only ES256 with a published {@code kid} is accepted: {@code alg: none}, HMAC, RSA (such as
 * identity-service's sd_tokens) and unknown keys are all forged.
 */
public final class CredentialVerifier {

  private static final AlgorithmConstraints ONLY_ES256 =
      new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHM);
  private static final Pattern CERT_ID_FORM =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TIER = Pattern.compile("T[0-3]");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");

  private final Map<String, PublicKey> keys;

  /** A verifier trusting exactly these ES256 public keys, by {@code kid}. */
  public CredentialVerifier(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * A verifier trusting the P-256 signing keys of a JWK Set (the JSON text of cert-service's JWKS).
   * Keys of other types or curves, or without a {@code kid}, are not trusted.
   *
   * @throws IllegalArgumentException when the text is not a JWK Set
   */
  public static CredentialVerifier fromJwks(String jwks) {
    Map<String, PublicKey> trusted = new LinkedHashMap<>();
    try {
      for (JsonWebKey key : new JsonWebKeySet(jwks).getJsonWebKeys()) {
        if (key instanceof EllipticCurveJsonWebKey ec
            && EllipticCurves.P_256.equals(ec.getCurveName())
            && key.getKeyId() != null
            && (key.getUse() == null || "sig".equals(key.getUse()))
            && (key.getAlgorithm() == null || ALGORITHM.equals(key.getAlgorithm()))) {
          trusted.putIfAbsent(key.getKeyId(), ec.getPublicKey());
        }
      }
    } catch (JoseException | RuntimeException e) {
      throw new IllegalArgumentException("Not a JWK Set: " + e.getMessage(), e);
    }
    return new CredentialVerifier(trusted);
  }

  /** The {@code kid}s this verifier trusts. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * Decides valid / revoked / expired / forged at {@code now}. Revocation wins over expiry, as on
   * cert-service's verify.
   *
   * @param statusList the compact status list credential fetched from the credential's {@code
   *     statusListCredential} URL
   * @throws IllegalArgumentException when {@code statusList} is a genuine list, but not the one the
   *     credential names (the caller fetched the wrong list)
   */
  public Verdict verify(String credential, String statusList, Instant now) {
    Credential genuine;
    try {
      genuine = read(credential);
    } catch (ForgedCredentialException e) {
      return Verdict.forged(e.getMessage());
    }
    StatusList list;
    try {
      list = readStatusList(statusList);
    } catch (ForgedCredentialException e) {
      return Verdict.forged("status list: " + e.getMessage());
    }
    if (!list.id().equals(genuine.statusListCredential())) {
      throw new IllegalArgumentException(
          "The credential's status list is "
              + genuine.statusListCredential()
              + ", not "
              + list.id());
    }
    if (genuine.statusListIndex() >= list.bits().size()) {
      return Verdict.forged("status list index outside the list");
    }
    if (list.bits().isSet(genuine.statusListIndex())) {
      return new Verdict(Verdict.Outcome.REVOKED, genuine, "revoked");
    }
    if (!now.isBefore(genuine.expiresAt())) {
      return new Verdict(Verdict.Outcome.EXPIRED, genuine, "expired at " + genuine.expiresAt());
    }
    return new Verdict(Verdict.Outcome.VALID, genuine, null);
  }

  /**
   * The claims of a genuine credential: the signature verifies with a trusted key and every claim
   * is there in its form. Expiry and revocation are not checked here.
   *
   * @throws ForgedCredentialException otherwise
   */
  public Credential read(String credential) {
    if (credential == null || credential.isEmpty()) {
      throw new ForgedCredentialException("no credential");
    }
    if (credential.length() > MAX_CREDENTIAL_LENGTH) {
      throw new ForgedCredentialException("longer than any credential");
    }
    Verified jws = verified(credential, CREDENTIAL_TYPE);
    try {
      JwtClaims claims = JwtClaims.parse(jws.payload());
      Map<String, Object> status = map(claims.getClaimValue(CREDENTIAL_STATUS));
      if (!STATUS_ENTRY_TYPE.equals(status.get("type"))
          || !REVOCATION.equals(status.get(STATUS_PURPOSE))) {
        throw new ForgedCredentialException("credential_status is not a revocation entry");
      }
      return new Credential(
          text(claims, CERT_ID, CERT_ID_FORM),
          text(claims, DISPLAY_NAME, null),
          text(claims, TRUST_TIER, TIER),
          instant(claims, ISSUED_AT),
          instant(claims, EXPIRES_AT),
          string(status.get(STATUS_LIST_CREDENTIAL), STATUS_LIST_CREDENTIAL),
          Integer.parseInt(matching(status.get(STATUS_LIST_INDEX), STATUS_LIST_INDEX, INDEX)),
          jws.keyId());
    } catch (ForgedCredentialException e) {
      throw e;
    } catch (Exception e) {
      throw new ForgedCredentialException("malformed claims");
    }
  }

  /**
   * A genuine status list credential: signed by a trusted key, a revocation list.
   *
   * @throws ForgedCredentialException otherwise
   */
  public StatusList readStatusList(String statusList) {
    if (statusList == null || statusList.isEmpty()) {
      throw new ForgedCredentialException("no status list");
    }
    Verified jws = verified(statusList, STATUS_LIST_TYPE);
    try {
      JwtClaims claims = JwtClaims.parse(jws.payload());
      Map<String, Object> subject = map(claims.getClaimValue(CREDENTIAL_SUBJECT));
      if (!STATUS_LIST_SUBJECT_TYPE.equals(subject.get("type"))
          || !REVOCATION.equals(subject.get(STATUS_PURPOSE))) {
        throw new ForgedCredentialException("not a revocation status list");
      }
      return new StatusList(
          string(claims.getClaimValue("id"), "id"),
          BitstringStatusList.decode(string(subject.get(ENCODED_LIST), ENCODED_LIST)));
    } catch (ForgedCredentialException e) {
      throw e;
    } catch (Exception e) {
      throw new ForgedCredentialException("malformed status list");
    }
  }

  /** A verified status list: its URL ({@code id}) and its bits. */
  public record StatusList(String id, BitstringStatusList bits) {}

  private record Verified(String keyId, String payload) {}

  private Verified verified(String compact, String type) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setAlgorithmConstraints(ONLY_ES256);
      jws.setCompactSerialization(compact);
      if (!ALGORITHM.equals(jws.getAlgorithmHeaderValue())) {
        throw new ForgedCredentialException("alg is not " + ALGORITHM);
      }
      if (!type.equals(jws.getHeader("typ"))) {
        throw new ForgedCredentialException("typ is not " + type);
      }
      String keyId = jws.getKeyIdHeaderValue();
      PublicKey key = keyId == null ? null : keys.get(keyId);
      if (key == null) {
        throw new ForgedCredentialException("signed by an unknown key");
      }
      jws.setKey(key);
      if (!jws.verifySignature()) {
        throw new ForgedCredentialException("the signature does not verify");
      }
      return new Verified(keyId, jws.getPayload());
    } catch (ForgedCredentialException e) {
      throw e;
    } catch (JoseException | RuntimeException e) {
      throw new ForgedCredentialException("not a compact JWS");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ForgedCredentialException("missing object member");
    }
    return (Map<String, Object>) map;
  }

  private static String text(JwtClaims claims, String name, Pattern form) {
    return form == null
        ? string(claims.getClaimValue(name), name)
        : matching(claims.getClaimValue(name), name, form);
  }

  private static String matching(Object value, String name, Pattern form) {
    String text = string(value, name);
    if (!form.matcher(text).matches()) {
      throw new ForgedCredentialException(name + " is malformed");
    }
    return text;
  }

  private static String string(Object value, String name) {
    if (!(value instanceof String text)) {
      throw new ForgedCredentialException(name + " is missing");
    }
    return text;
  }

  private static Instant instant(JwtClaims claims, String name) {
    try {
      return Instant.parse(string(claims.getClaimValue(name), name));
    } catch (DateTimeParseException e) {
      throw new ForgedCredentialException(name + " is not an ISO 8601 instant");
    }
  }
}

package com.spaceduck.platform.keys;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A published JWK Set (RFC 7517): the public keys a service signs with, as a resource returns it
 * from its {@code .well-known/jwks.json} path. Keys change only with a deployment, so verifiers may
 * cache the set for {@link #MAX_AGE_SECONDS} ({@code @Cache(maxAge = JwkSet.MAX_AGE_SECONDS)}).
 */
@Schema(type = SchemaType.OBJECT, description = "A JSON Web Key Set (RFC 7517)")
public final class JwkSet extends JsonSerializable.Base {

  /** How long verifiers may cache a published set. */
  public static final int MAX_AGE_SECONDS = 300;

  @Schema(hidden = true)
  private final String json;

  private JwkSet(String json) {
    this.json = json;
  }

  /**
   * The signing keys by {@code kid}, each for {@code use: sig} with {@code algorithm} (such as
   * {@code RS256} or {@code ES256}), in the map's order: the signing key first.
   */
  public static JwkSet of(Map<String, ? extends PublicKey> keys, String algorithm) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("A JWK Set needs at least one key");
    }
    try {
      JsonWebKeySet set = new JsonWebKeySet();
      for (Map.Entry<String, ? extends PublicKey> entry : keys.entrySet()) {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(entry.getValue());
        jwk.setKeyId(entry.getKey());
        jwk.setUse("sig");
        jwk.setAlgorithm(algorithm);
        set.addJsonWebKey(jwk);
      }
      return new JwkSet(set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    } catch (JoseException e) {
      throw new IllegalArgumentException("Not a usable public key", e);
    }
  }

  /** A set already serialized, such as one built by a credential library; it must hold keys. */
  public static JwkSet ofJson(String json) {
    try {
      if (new JsonWebKeySet(json).getJsonWebKeys().isEmpty()) {
        throw new IllegalArgumentException("A JWK Set needs at least one key");
      }
    } catch (JoseException e) {
      throw new IllegalArgumentException("Not a JWK Set", e);
    }
    return new JwkSet(json);
  }

  /** The set as JSON, public parts only. */
  public String json() {
    return json;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeRawValue(json);
  }

  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  @Override
  public String toString() {
    return json;
  }
}

package com.spaceduck.platform.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwkSetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void publishesEachKeyForSigningWithItsIdAndAlgorithmInOrder() throws Exception {
    RSAPublicKey first = (RSAPublicKey) generate("RSA");
    RSAPublicKey second = (RSAPublicKey) generate("RSA");
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    keys.put("current", first);
    keys.put("retired", second);

    JsonNode set = JSON.readTree(JSON.writeValueAsString(JwkSet.of(keys, "RS256")));

    assertEquals(2, set.path("keys").size());
    JsonNode jwk = set.path("keys").get(0);
    assertEquals("RSA", jwk.path("kty").asText());
    assertEquals("current", jwk.path("kid").asText());
    assertEquals("sig", jwk.path("use").asText());
    assertEquals("RS256", jwk.path("alg").asText());
    assertEquals(first.getModulus(), unsigned(jwk.path("n").asText()));
    assertEquals(first.getPublicExponent(), unsigned(jwk.path("e").asText()));
    assertEquals("retired", set.path("keys").get(1).path("kid").asText());
    assertFalse(jwk.has("d"), "never a private part");
  }

  @Test
  void servesAnEcSetAsTheSameJsonItWasGiven() throws Exception {
    ECPublicKey key = (ECPublicKey) generate("EC");
    String json = JwkSet.of(Map.of("k1", key), "ES256").json();

    JwkSet set = JwkSet.ofJson(json);

    assertEquals(JSON.readTree(json), JSON.readTree(JSON.writeValueAsString(set)));
    assertEquals("EC", JSON.readTree(json).path("keys").get(0).path("kty").asText());
  }

  @Test
  void refusesAnEmptySetOrSomethingElse() {
    assertThrows(IllegalArgumentException.class, () -> JwkSet.of(Map.of(), "RS256"));
    assertThrows(IllegalArgumentException.class, () -> JwkSet.ofJson("{\"keys\":[]}"));
    assertThrows(IllegalArgumentException.class, () -> JwkSet.ofJson("not json"));
  }

  private static PublicKey generate(String algorithm) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize("RSA".equals(algorithm) ? 2048 : 256);
    return generator.generateKeyPair().getPublic();
  }

  private static BigInteger unsigned(String base64Url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
  }
}

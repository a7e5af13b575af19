package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.client.TokenSubjects;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Nanoseconds per call of the gateway's per-request checks, in a warm loop: the canonical path and
 * IP bucket id, a key's shape check, a second (leased) bucket, an IPv6 /64 (the abuse checks), and
 * the subject of an {@code sd_token} (a token seen for the first time, which is verified, and one
 * seen before, which the cache answers). It lives in the limiter's package to reach its
 * package-private parts; see README.md for how to run it.
 */
public class HotPath {
  static volatile Object sink;

  public static void main(String[] args) throws Exception {
    BucketKeys keys = new BucketKeys(null, 64);
    Leases leases = new Leases();
    String[] paths = {"/beak/metrics", "/beak/keys", "/v1/catalog", "/beak/signup"};
    String key = "bk_live_benchbenchbenchbenchbenchbench";
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String[] tokens = new String[20_000];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = sdToken(pair, "duckling-" + i);
    }
    for (int round = 0; round < 5; round++) {
      long n = 20_000_000;
      long t0 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        sink = CanonicalPaths.of(paths[(int) (i & 3)]);
        sink = keys.ip("127.0.0.1");
      }
      long t1 = System.nanoTime();
      for (long i = 0; i < n; i++) {
        sink = BucketKeys.wellFormedKey(key) ? key : null;
      }
      long t2 = System.nanoTime();
      long now = 0;
      for (long i = 0; i < n; i++) {
        if ((i % 50) == 0) {
          leases.add(
              "sd:rl:beak/ip:ip:127.0.0.1", 50, 1_000_000, now + 1_000_000, now + 1_000_000, now);
        }
        sink = leases.take("sd:rl:beak/ip:ip:127.0.0.1", now);
        now++;
      }
      long t3 = System.nanoTime();
      for (long i = 0; i < n / 10; i++) {
        sink = keys.ip("2001:db8:1:2::" + (i & 0xff));
      }
      long t4 = System.nanoTime();
      // A fresh cache each round: every token is verified once, then answered from the cache.
      TokenSubjects subjects =
          new TokenSubjects(pair.getPublic(), ISSUER, AUDIENCE, Clock.systemUTC());
      for (String token : tokens) {
        sink = subjects.subject(token);
      }
      long t5 = System.nanoTime();
      for (long i = 0; i < n / 10; i++) {
        sink = subjects.subject(tokens[(int) (i % tokens.length)]);
      }
      long t6 = System.nanoTime();
      System.out.printf(
          "round %d: canonical path + IP bucket id %.1f ns, key shape %.1f ns,"
              + " second leased bucket %.1f ns, IPv6 /64 bucket id %.1f ns,"
              + " sd_token first seen (verified) %.1f ns, sd_token seen before %.1f ns%n",
          round,
          (t1 - t0) / (double) n,
          (t2 - t1) / (double) n,
          (t3 - t2) / (double) n,
          (t4 - t3) / (double) (n / 10),
          (t5 - t4) / (double) tokens.length,
          (t6 - t5) / (double) (n / 10));
    }
  }

  private static final String ISSUER = "https://spaceduck.example/identity";
  private static final String AUDIENCE = "https://spaceduck.example/api";

  /** An {@code sd_token} as identity-service issues it (RS256, issuer, audience, one hour). */
  private static String sdToken(KeyPair pair, String subject) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 3600));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(pair.getPrivate());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }
}

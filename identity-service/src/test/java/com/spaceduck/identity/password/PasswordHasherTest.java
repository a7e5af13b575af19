package com.spaceduck.identity.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.IdentityConfig;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plain JUnit with the production parameters (m=19456 KiB, t=2, p=1). */
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(config(19456, 2, 1));

  @AfterEach
  void stop() {
    hasher.stop();
  }

  @Test
  void hashVerifiesOnlyItsPassword() {
    String hash = hasher.hashNow("Correct-Horse-42");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(hasher.verifyNow("Correct-Horse-42", hash));
    assertFalse(hasher.verifyNow("Correct-Horse-43", hash));
  }

  @Test
  void samePasswordGetsDifferentSalts() {
    assertNotEquals(hasher.hashNow("Correct-Horse-42"), hasher.hashNow("Correct-Horse-42"));
  }

  @Test
  void hashesMadeWithOtherParametersStillVerify() {
    PasswordHasher cheap = new PasswordHasher(config(4096, 1, 1));
    try {
      String old = cheap.hashNow("Correct-Horse-42");
      assertTrue(hasher.verifyNow("Correct-Horse-42", old));
    } finally {
      cheap.stop();
    }
  }

  @Test
  void malformedStoredHashNeverMatches() {
    assertFalse(hasher.verifyNow("x", "$2a$12$abcdefghijklmnopqrstuv"));
    assertFalse(hasher.verifyNow("x", "$argon2i$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA"));
  }

  @Test
  void unknownAccountCheckCostsAsMuchAsARealOne() {
    String hash = hasher.hashNow("Correct-Horse-42");
    long real = median(() -> hasher.verify("Wrong-Horse-42", hash).await().indefinitely());
    long dummy = median(() -> hasher.verify("Wrong-Horse-42", null).await().indefinitely());
    assertFalse(hasher.verify("anything", null).await().indefinitely());
    // Same parameters, so the same work; allow for a noisy shared machine.
    assertTrue(
        dummy * 2 >= real && real * 2 >= dummy, "real " + real + " ms, dummy " + dummy + " ms");
  }

  private static long median(Runnable work) {
    work.run();
    long[] samples = new long[5];
    for (int i = 0; i < samples.length; i++) {
      long start = System.nanoTime();
      work.run();
      samples[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(samples);
    return samples[2];
  }

  static IdentityConfig config(int memoryKib, int iterations, int parallelism) {
    IdentityConfig.Password password =
        (IdentityConfig.Password)
            Proxy.newProxyInstance(
                IdentityConfig.Password.class.getClassLoader(),
                new Class<?>[] {IdentityConfig.Password.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "memoryKib" -> memoryKib;
                      case "iterations" -> iterations;
                      case "parallelism" -> parallelism;
                      case "concurrency" -> Optional.of(1);
                      case "queueSize" -> 8;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (IdentityConfig)
        Proxy.newProxyInstance(
            IdentityConfig.class.getClassLoader(),
            new Class<?>[] {IdentityConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("password")) {
                return password;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}

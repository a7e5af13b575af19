package com.spaceduck.identity.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.IdentityConfig;
import io.smallrye.mutiny.Uni;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Hashes stored by earlier releases (BouncyCastle 1.80, a new block array per hash) verify, also
   * after the pool's blocks have been through other hashes.
   */
  @Test
  void storedHashesVerifyWithReusedBlocks() {
    String production =
        "$argon2id$v=19$m=19456,t=2,p=1$c3BhY2UtZHVjay1zYWx0IQ$nJZLWdNu8AGLObSgNdanMtZeKETadFhy97y7wyCjwH4";
    String cheaper =
        "$argon2id$v=19$m=4096,t=1,p=1$c3BhY2UtZHVjay1zYWx0IQ$sSbKAHTvroau+Kuc8W2DWNTdFL79ZcZmjkXBk2+c+ts";

    for (int round = 0; round < 3; round++) {
      assertTrue(hasher.verifyNow("Correct-Horse-42", production), "round " + round);
      assertTrue(hasher.verifyNow("Correct-Horse-42", cheaper), "round " + round);
      assertFalse(hasher.verifyNow("Correct-Horse-43", production), "round " + round);
      String fresh = hasher.hashNow("Another-Duck-7");
      assertTrue(hasher.verifyNow("Another-Duck-7", fresh), "round " + round);
    }
  }

  /**
   * After the first hash the blocks are reused: a hash allocates its block table and a few small
   * objects (under 1 MiB), not its 19 MiB of blocks again. Allocation is counted by the JVM per
   * thread, so this does not depend on timing.
   */
  @Test
  void aHashReusesTheBlocksOfTheOneBefore() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    hasher.hashNow("Correct-Horse-42");

    long before = threads.getCurrentThreadAllocatedBytes();
    hasher.hashNow("Correct-Horse-42");
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertTrue(allocated < 1024 * 1024, allocated + " bytes allocated by one hash");
  }

  /** Two hashes at once take separate blocks from the pool (one per hashing thread). */
  @Test
  void concurrentHashesDoNotShareBlocks() {
    PasswordHasher two = new PasswordHasher(config(4096, 1, 1, 2));
    try {
      String production =
          "$argon2id$v=19$m=4096,t=1,p=1$c3BhY2UtZHVjay1zYWx0IQ$sSbKAHTvroau+Kuc8W2DWNTdFL79ZcZmjkXBk2+c+ts";
      List<Uni<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        checks.add(two.verify(i % 2 == 0 ? "Correct-Horse-42" : "Correct-Horse-43", production));
      }
      List<?> results = Uni.join().all(checks).andFailFast().await().atMost(Duration.ofSeconds(60));
      assertEquals(List.of(true, false, true, false, true, false, true, false), results);
    } finally {
      two.stop();
    }
  }

  @Test
  void malformedStoredHashNeverMatches() {
    assertFalse(hasher.verifyNow("x", "$2a$12$abcdefghijklmnopqrstuv"));
    assertFalse(hasher.verifyNow("x", "$argon2i$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA"));
  }

  /**
   * An unknown account is checked against a dummy hash made with the configured parameters, so it
   * does the same Argon2 work as a real check (the time itself is bench/identity's to measure, not
   * a unit test's on a shared machine).
   */
  @Test
  void unknownAccountIsCheckedAgainstAHashOfTheSameCost() {
    assertTrue(
        hasher.dummyHash().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hasher.dummyHash());
    assertFalse(hasher.verify("anything", null).await().indefinitely());
    assertFalse(hasher.verify("not a real password", null).await().indefinitely());
  }

  static IdentityConfig config(int memoryKib, int iterations, int parallelism) {
    return config(memoryKib, iterations, parallelism, 1);
  }

  static IdentityConfig config(int memoryKib, int iterations, int parallelism, int concurrency) {
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
                      case "concurrency" -> Optional.of(concurrency);
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

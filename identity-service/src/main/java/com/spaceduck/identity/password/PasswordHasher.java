package com.spaceduck.identity.password;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so each hash carries the parameters it was made with.
 *
 * <p>Hashing is deliberately slow and memory-hungry, so it never runs on the event loop: {@link
 * #hash} and {@link #verify} run on a small dedicated pool (one thread per core by default) with a
 * bounded queue, and resume on the caller's Vert.x context, where its transaction's connection is
 * kept. A full queue answers 503 with Retry-After instead of queueing without bound.
 *
 * <p>Each hash works through {@code memory-kib} of 1 KiB blocks. The blocks come from a pool that
 * keeps one hash's worth per hashing thread, so after the first hashes the memory is reused (wiped
 * by the generator after every hash) instead of being allocated anew: without it every sign-up and
 * sign-in left 19 MiB of garbage, which set the size of the heap under load.
 */
@ApplicationScoped
public class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final IdentityConfig.Password config;
  private final SecureRandom random = new SecureRandom();
  private final ThreadPoolExecutor executor;
  private final Argon2BytesGenerator.BlockPool blocks;
  private final String dummyHash;

  public PasswordHasher(IdentityConfig config) {
    this.config = config.password();
    int threads =
        this.config.concurrency().orElse(Math.max(1, Runtime.getRuntime().availableProcessors()));
    this.blocks =
        new Argon2BytesGenerator.FixedBlockPool(
            threads
                * Argon2BytesGenerator.getBlockCount(
                    this.config.memoryKib(), this.config.parallelism()));
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            this.config.queueSize() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(this.config.queueSize()),
            work -> {
              Thread thread = new Thread(work, "password-hasher-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // Unknown emails are checked against this, so they cost the same as known ones.
    this.dummyHash = hashNow("not a real password " + random.nextLong());
  }

  /** The hash unknown accounts are checked against. */
  String dummyHash() {
    return dummyHash;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** A new hash of {@code password}, computed off the event loop. */
  public Uni<String> hash(String password) {
    return offload(() -> hashNow(password));
  }

  /**
   * Whether {@code password} matches {@code encoded}; with {@code encoded == null} it checks
   * against a dummy hash (and answers false), taking as long as a real check.
   */
  public Uni<Boolean> verify(String password, String encoded) {
    if (encoded == null) {
      return offload(
          () -> {
            verifyNow(password, dummyHash);
            return false;
          });
    }
    return offload(() -> verifyNow(password, encoded));
  }

  String hashNow(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    int m = config.memoryKib();
    int t = config.iterations();
    int p = config.parallelism();
    byte[] hash = argon2(password, salt, m, t, p, HASH_BYTES);
    return "$argon2id$v=19$m="
        + m
        + ",t="
        + t
        + ",p="
        + p
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  boolean verifyNow(String password, String encoded) {
    // $argon2id$v=19$m=19456,t=2,p=1$salt$hash splits into "", argon2id, v=19, params, salt, hash.
    String[] parts = encoded.split("\\$");
    if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String param : parts[3].split(",")) {
      String[] kv = param.split("=", 2);
      if (kv.length != 2) {
        return false;
      }
      int value = Integer.parseInt(kv[1]);
      switch (kv[0]) {
        case "m" -> m = value;
        case "t" -> t = value;
        case "p" -> p = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64_DECODER.decode(parts[4]);
    byte[] expected = B64_DECODER.decode(parts[5]);
    byte[] actual = argon2(password, salt, m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private byte[] argon2(String password, byte[] salt, int m, int t, int p, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .withBlockPool(blocks)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  private <T> Uni<T> offload(Supplier<T> work) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              Context context = Vertx.currentContext();
              try {
                executor.execute(
                    () -> {
                      try {
                        T result = work.get();
                        resume(context, () -> emitter.complete(result));
                      } catch (RuntimeException e) {
                        resume(context, () -> emitter.fail(e));
                      }
                    });
              } catch (RejectedExecutionException full) {
                emitter.fail(
                    new ProblemException(
                            ErrorKind.UNAVAILABLE,
                            "Too many password checks are in progress; retry shortly.")
                        .retryAfter(1));
              }
            });
  }

  /** Back onto the Vert.x context the work came from (the event loop), if there was one. */
  private static void resume(Context context, Runnable step) {
    if (context == null) {
      step.run();
    } else {
      context.runOnContext(ignored -> step.run());
    }
  }
}

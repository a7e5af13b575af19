package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.client.TokenSubjects;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bucket a request draws from within its group: by client IP, by verified user, by a hash of
 * its API key (the key itself never reaches Redis), or one for all.
 */
@Singleton
public class BucketKeys {

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private final TokenSubjects subjects;

  public BucketKeys(TokenSubjects subjects) {
    this.subjects = subjects;
  }

  /**
   * The bucket id for a request.
   *
   * @param clientIp the resolved client address
   * @param bearer the bearer credential, or {@code null}
   */
  public String bucket(LimitGroup group, String clientIp, String bearer) {
    return switch (group.key()) {
      case GLOBAL -> "all";
      case IP -> "ip:" + clientIp;
      case USER -> user(bearer).orElse("ip:" + clientIp);
      case API_KEY -> bearer != null ? "key:" + hash(bearer) : "ip:" + clientIp;
      case PRINCIPAL ->
          user(bearer).orElse(bearer != null ? "key:" + hash(bearer) : "ip:" + clientIp);
    };
  }

  /** The credential of an {@code Authorization: Bearer …} header, or {@code null}. */
  public static String bearer(String authorization) {
    if (authorization == null
        || authorization.length() < 8
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String credential = authorization.substring(7).trim();
    return credential.isEmpty() ? null : credential;
  }

  private Optional<String> user(String bearer) {
    if (bearer == null || !bearer.startsWith("ey")) {
      return Optional.empty();
    }
    return subjects.subject(bearer).map(sub -> "user:" + sub);
  }

  private static String hash(String credential) {
    byte[] digest = SHA256.get().digest(credential.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}

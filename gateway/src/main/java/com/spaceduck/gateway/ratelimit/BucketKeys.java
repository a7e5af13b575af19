package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.gateway.client.TokenSubjects;
import com.spaceduck.platform.keys.SecretKeys;
import io.netty.util.NetUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The bucket a request draws from within its group: by client IP, by verified user, by a hash of
 * its API key (the key itself never reaches Redis), or one for all.
 *
 * <p>A credential names a bucket only when the gateway can tell it is not made up: an {@code
 * sd_token} whose signature, issuer, audience and expiry check out, or an API key of the right
 * shape. A key's shape proves little, so a request with a key also draws from its client IP's
 * {@code keys-per-ip} bucket ({@link #KEY} tells the caller). Anything else counts as its client
 * IP, so inventing credentials buys no budget.
 */
@Singleton
public class BucketKeys {

  /** How bucket ids of API keys begin. */
  public static final String KEY = "key:";

  private static final String IP = "ip:";

  /** The API key families the services issue: a prefix and 32 URL-safe base64 characters. */
  private static final String[] KEY_PREFIXES = {"bk_live_", "dk_live_", "dk_test_"};

  private final TokenSubjects subjects;
  private final int ipv6PrefixLength;

  @Inject
  public BucketKeys(TokenSubjects subjects, GatewayConfig config) {
    this(subjects, config.rateLimits().ipv6PrefixLength());
  }

  BucketKeys(TokenSubjects subjects, int ipv6PrefixLength) {
    this.subjects = subjects;
    this.ipv6PrefixLength = ipv6PrefixLength;
  }

  /**
   * The bucket id for a request.
   *
   * @param ipBucket the client's bucket, from {@link #ip(String)}
   * @param bearer the bearer credential, or {@code null}
   */
  public String bucket(LimitGroup group, String ipBucket, String bearer) {
    return switch (group.key()) {
      case GLOBAL -> "all";
      case IP -> ipBucket;
      case USER -> user(bearer).orElse(ipBucket);
      case API_KEY -> wellFormedKey(bearer) ? KEY + hash(bearer) : ipBucket;
      case PRINCIPAL -> user(bearer).orElse(wellFormedKey(bearer) ? KEY + hash(bearer) : ipBucket);
    };
  }

  /**
   * The bucket id of a client address. IPv6 addresses count by their block of the configured prefix
   * length ({@code ip:2001:db8:1:2::/64}); an IPv4 address, also written as {@code ::ffff:a.b.c.d},
   * by itself.
   */
  public String ip(String clientIp) {
    if (clientIp.indexOf(':') < 0) {
      return IP + clientIp;
    }
    byte[] address = NetUtil.createByteArrayFromIpAddressString(clientIp);
    if (address == null) {
      return IP + clientIp;
    }
    if (address.length == 4 || ipv4Mapped(address)) {
      return IP + NetUtil.bytesToIpAddress(address, address.length - 4, 4);
    }
    for (int bit = ipv6PrefixLength; bit < 128; bit++) {
      address[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return IP + NetUtil.bytesToIpAddress(address) + "/" + ipv6PrefixLength;
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

  /** Whether the credential has the shape of a key the services issue. */
  static boolean wellFormedKey(String credential) {
    for (String prefix : KEY_PREFIXES) {
      if (SecretKeys.wellFormed(credential, prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ipv4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
  }

  private Optional<String> user(String bearer) {
    if (bearer == null || !bearer.startsWith("ey")) {
      return Optional.empty();
    }
    return subjects.subject(bearer).map(sub -> "user:" + sub);
  }

  /** The first 128 bits of the key's SHA-256, in hex: enough to tell keys' buckets apart. */
  private static String hash(String credential) {
    return SecretKeys.hash(credential).substring(0, 32);
  }
}

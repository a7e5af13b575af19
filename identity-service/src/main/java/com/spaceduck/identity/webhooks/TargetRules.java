package com.spaceduck.identity.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may be sent. {@code https} to public addresses always; plain {@code http} and
 * loopback or private addresses only when {@code allowInsecure} (dev and tests). Link-local
 * addresses (169.254.0.0/16, fe80::/10, where cloud metadata services live), {@code fd00:ec2::254}
 * and unspecified or multicast addresses never. A URL is checked when it is saved, and every
 * resolved address again before each delivery, so a name that later resolves to a refused address
 * is caught.
 */
public final class TargetRules {

  private static final byte[] AWS_METADATA_V6 = v6("fd00:ec2::254");

  private final boolean allowInsecure;
  private final int maxLength;

  public TargetRules(boolean allowInsecure, int maxLength) {
    this.allowInsecure = allowInsecure;
    this.maxLength = maxLength;
  }

  /** Why the URL is refused, or empty when it may be saved. */
  public Optional<String> checkUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (url.length() > maxLength) {
      return Optional.of("must be at most " + maxLength + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
      return Optional.of("must be an https URL");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("must not carry credentials");
    }
    if (uri.getFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    String lower = bare.toLowerCase(Locale.ROOT);
    if (!allowInsecure && (lower.equals("localhost") || lower.endsWith(".localhost"))) {
      return Optional.of("must not point at this machine");
    }
    if (isLiteral(bare)) {
      try {
        return checkAddress(InetAddress.getByName(bare));
      } catch (UnknownHostException e) {
        return Optional.of("must name a valid host");
      }
    }
    return Optional.empty();
  }

  /** Why a resolved address is refused, or empty when it may be sent to. */
  public Optional<String> checkAddress(InetAddress address) {
    if (address.isLinkLocalAddress()
        || isAwsMetadataV6(address)
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return Optional.of("must not point at a link-local or metadata address");
    }
    if (!allowInsecure
        && (address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || isUniqueLocalV6(address)
            || isSharedV4(address))) {
      return Optional.of("must not point at a loopback or private address");
    }
    return Optional.empty();
  }

  static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private static boolean isAwsMetadataV6(InetAddress address) {
    return address instanceof Inet6Address
        && java.util.Arrays.equals(address.getAddress(), AWS_METADATA_V6);
  }

  /** fc00::/7, IPv6's private range. */
  private static boolean isUniqueLocalV6(InetAddress address) {
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
  }

  /** 100.64.0.0/10 (carrier-grade NAT), private in practice. */
  private static boolean isSharedV4(InetAddress address) {
    byte[] b = address.getAddress();
    return address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
  }

  private static byte[] v6(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}

package com.spaceduck.identity.limits;

import com.spaceduck.identity.IdentityConfig;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address as the gateway saw it. The gateway appends the address of its TCP peer to
 * {@code X-Forwarded-For}, so the trustworthy entry is the {@code forwarded-hops}-th from the right
 * (1: the gateway's own entry; 2: when a proxy the gateway trusts sits in front of it). Entries
 * further left were written by the client and prove nothing. The header counts only when the TCP
 * peer is in {@code trusted-peers}; otherwise (or without the header) the peer itself is the
 * client.
 */
@ApplicationScoped
public class ClientAddresses {

  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final int hops;
  private final List<byte[][]> trusted;

  @Inject
  public ClientAddresses(IdentityConfig config) {
    this(config.clientAddress().forwardedHops(), config.clientAddress().trustedPeers());
  }

  ClientAddresses(int hops, List<String> trustedPeers) {
    this.hops = hops;
    List<byte[][]> blocks = new ArrayList<>();
    for (String block : trustedPeers) {
      blocks.add(parse(block));
    }
    this.trusted = List.copyOf(blocks);
  }

  public String of(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String peer = remote == null ? "unknown" : remote.hostAddress();
    return resolve(peer, request.getHeader(FORWARDED_FOR));
  }

  /**
   * What failures are counted against: an IPv4 address, or the /64 of an IPv6 address, since one
   * subscriber usually holds a whole /64 and could otherwise pick a fresh address per guess.
   */
  public static String bucket(String address) {
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null || bytes.length == 4) {
      return address;
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      prefix.append(':');
    }
    return prefix.append(":/64").toString();
  }

  String resolve(String peer, String forwardedFor) {
    if (hops == 0 || forwardedFor == null || !trusted(peer)) {
      return peer;
    }
    String[] entries = forwardedFor.split(",");
    String chosen = entries[Math.max(0, entries.length - hops)].trim();
    return NetUtil.isValidIpV4Address(chosen) || NetUtil.isValidIpV6Address(chosen) ? chosen : peer;
  }

  boolean trusted(String peer) {
    byte[] address = NetUtil.createByteArrayFromIpAddressString(peer);
    if (address == null) {
      return false;
    }
    for (byte[][] block : trusted) {
      if (contains(block, address)) {
        return true;
      }
    }
    return false;
  }

  /** A CIDR block as {network, mask}; start-up fails on a malformed one, naming it. */
  static byte[][] parse(String cidr) {
    String[] parts = cidr.trim().split("/");
    byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
    if (network == null || parts.length > 2) {
      throw new IllegalArgumentException(
          "spaceduck.identity.client-address.trusted-peers: not a CIDR block: " + cidr);
    }
    int bits;
    try {
      bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "spaceduck.identity.client-address.trusted-peers: not a CIDR block: " + cidr);
    }
    if (bits < 0 || bits > network.length * 8) {
      throw new IllegalArgumentException(
          "spaceduck.identity.client-address.trusted-peers: bad prefix length in " + cidr);
    }
    byte[] mask = new byte[network.length];
    for (int i = 0; i < bits; i++) {
      mask[i / 8] |= (byte) (0x80 >>> (i % 8));
    }
    return new byte[][] {network, mask};
  }

  private static boolean contains(byte[][] block, byte[] address) {
    byte[] network = block[0];
    byte[] mask = block[1];
    if (network.length != address.length) {
      return false;
    }
    for (int i = 0; i < network.length; i++) {
      if ((network[i] & mask[i]) != (address[i] & mask[i])) {
        return false;
      }
    }
    return true;
  }
}

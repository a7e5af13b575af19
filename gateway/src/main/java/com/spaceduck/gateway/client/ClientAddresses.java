package com.spaceduck.gateway.client;

import com.spaceduck.gateway.GatewayConfig;
import io.netty.util.NetUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is. The TCP peer, unless the peer is a trusted proxy: then the right-most address
 * of {@code X-Forwarded-For} that is not itself a trusted proxy. Entries left of that were written
 * by the client and prove nothing, so a client can never choose its own bucket.
 */
@Singleton
public class ClientAddresses {

  private final List<Cidr> trusted;

  @Inject
  public ClientAddresses(GatewayConfig config) {
    this(config.trustedProxies().orElse(List.of()));
  }

  ClientAddresses(List<String> trustedBlocks) {
    List<Cidr> blocks = new ArrayList<>();
    for (String block : trustedBlocks) {
      if (!block.isBlank()) {
        blocks.add(Cidr.parse(block));
      }
    }
    this.trusted = List.copyOf(blocks);
  }

  /** Whether the peer may vouch for the client ({@code X-Forwarded-For}, edge headers). */
  public boolean trusted(String peer) {
    if (trusted.isEmpty() || peer == null) {
      return false;
    }
    byte[] address = NetUtil.createByteArrayFromIpAddressString(peer);
    for (Cidr block : trusted) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client's address for a request from {@code peer} with these {@code X-Forwarded-For} lines.
   * Several lines are one list in order (RFC 9110 5.3): a proxy may add a line of its own rather
   * than extend the client's, and the client's line must then not be the one that counts.
   */
  public String resolve(String peer, List<String> forwardedFor) {
    if (forwardedFor == null || forwardedFor.isEmpty()) {
      return peer;
    }
    return resolve(
        peer, forwardedFor.size() == 1 ? forwardedFor.get(0) : String.join(",", forwardedFor));
  }

  /** The client's address for a request from {@code peer} with this {@code X-Forwarded-For}. */
  public String resolve(String peer, String forwardedFor) {
    if (forwardedFor == null || !trusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String leftmostTrusted = null;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
        // A malformed entry: nothing left of it can be believed.
        return leftmostTrusted != null ? leftmostTrusted : peer;
      }
      if (!trusted(hop)) {
        return hop;
      }
      leftmostTrusted = hop;
    }
    return leftmostTrusted != null ? leftmostTrusted : peer;
  }
}

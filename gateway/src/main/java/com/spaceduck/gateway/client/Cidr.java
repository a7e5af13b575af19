package com.spaceduck.gateway.client;

import io.netty.util.NetUtil;
import java.util.Arrays;

/** An IPv4 or IPv6 address block, e.g. {@code 10.0.0.0/8}, {@code fd00::/8} or one address. */
public final class Cidr {

  private final byte[] network;
  private final int prefixLength;

  private Cidr(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /** Parses a block; an {@link IllegalArgumentException} says what is wrong with it. */
  public static Cidr parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
      }
    }
    return new Cidr(mask(bytes, prefix), prefix);
  }

  /** Whether the address (raw bytes, 4 or 16) lies in the block. */
  public boolean contains(byte[] address) {
    if (address == null) {
      return false;
    }
    byte[] candidate = address;
    if (candidate.length != network.length) {
      candidate = ipv4Mapped(candidate, network.length);
      if (candidate == null) {
        return false;
      }
    }
    return Arrays.equals(mask(candidate, prefixLength), network);
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
    }
    return masked;
  }

  /** An IPv4 address as ::ffff:a.b.c.d, or the reverse, so either notation matches. */
  private static byte[] ipv4Mapped(byte[] address, int wanted) {
    if (address.length == 4 && wanted == 16) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(address, 0, mapped, 12, 4);
      return mapped;
    }
    if (address.length == 16 && wanted == 4) {
      for (int i = 0; i < 10; i++) {
        if (address[i] != 0) {
          return null;
        }
      }
      if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
        return null;
      }
      return Arrays.copyOfRange(address, 12, 16);
    }
    return null;
  }
}

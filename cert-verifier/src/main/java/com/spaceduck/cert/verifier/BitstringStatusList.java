package com.spaceduck.cert.verifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: one bit per credential, set when it is revoked. Index 0 is the
 * left-most (most significant) bit of the first byte. {@code encodedList} is the multibase
 * base64url form ({@code u} + base64url without padding) of the GZIP-compressed bitstring.
 */
public final class BitstringStatusList {

  /** The smallest list the W3C recommendation allows (16 KiB), which gives holders herd privacy. */
  public static final int MIN_SIZE = 131_072;

  /** A decompressed list larger than this (16 MiB) is refused rather than inflated. */
  static final int MAX_BYTES = 16 << 20;

  private static final char MULTIBASE_BASE64URL = 'u';

  private final byte[] bits;

  private BitstringStatusList(byte[] bits) {
    this.bits = bits;
  }

  /** A list of {@code size} entries (a multiple of 8) with the given indexes set. */
  public static BitstringStatusList of(int size, int... set) {
    if (size <= 0 || size % 8 != 0) {
      throw new IllegalArgumentException("size must be a positive multiple of 8, was " + size);
    }
    byte[] bits = new byte[size / 8];
    for (int index : set) {
      if (index < 0 || index >= size) {
        throw new IllegalArgumentException("index " + index + " is outside a list of " + size);
      }
      bits[index >>> 3] |= (byte) (0x80 >>> (index & 7));
    }
    return new BitstringStatusList(bits);
  }

  /**
   * Reads an {@code encodedList}.
   *
   * @throws IllegalArgumentException when it is not multibase base64url of GZIP data, or inflates
   *     beyond 16 MiB
   */
  public static BitstringStatusList decode(String encodedList) {
    if (encodedList == null
        || encodedList.length() < 2
        || encodedList.charAt(0) != MULTIBASE_BASE64URL) {
      throw new IllegalArgumentException("encodedList is not multibase base64url ('u' prefix)");
    }
    byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(MIN_SIZE / 8);
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + n > MAX_BYTES) {
          throw new IllegalArgumentException("encodedList inflates beyond " + MAX_BYTES + " bytes");
        }
        out.write(chunk, 0, n);
      }
      if (out.size() == 0) {
        throw new IllegalArgumentException("encodedList is empty");
      }
      return new BitstringStatusList(out.toByteArray());
    } catch (IOException e) {
      throw new IllegalArgumentException("encodedList is not GZIP data", e);
    }
  }

  /** The {@code encodedList} form; the same bits always give the same text. */
  public String encode() {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(256);
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MULTIBASE_BASE64URL
        + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
  }

  /** Number of entries. */
  public int size() {
    return bits.length * 8;
  }

  /** Whether the entry at {@code index} is set (revoked). */
  public boolean isSet(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index " + index + " is outside a list of " + size());
    }
    return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BitstringStatusList list && Arrays.equals(bits, list.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }
}

package com.spaceduck.cert.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

  @Test
  void encodedListRoundTripsWithTheSetBits() {
    BitstringStatusList list = BitstringStatusList.of(131_072, 0, 9, 131_071);
    String encoded = list.encode();
    assertTrue(encoded.startsWith("u"), "multibase base64url");
    BitstringStatusList decoded = BitstringStatusList.decode(encoded);
    assertEquals(131_072, decoded.size());
    assertTrue(decoded.isSet(0));
    assertTrue(decoded.isSet(9));
    assertTrue(decoded.isSet(131_071));
    assertFalse(decoded.isSet(1));
    assertFalse(decoded.isSet(8));
    assertEquals(list, decoded);
    assertEquals(encoded, decoded.encode(), "the same bits give the same text");
  }

  @Test
  void indexZeroIsTheLeftMostBitOfTheFirstByte() throws IOException {
    byte[] bits = new byte[16_384];
    bits[0] = (byte) 0x80;
    bits[1] = 0x01;
    BitstringStatusList decoded = BitstringStatusList.decode("u" + gzipBase64Url(bits));
    assertTrue(decoded.isSet(0));
    assertTrue(decoded.isSet(15));
    assertFalse(decoded.isSet(7));
  }

  @Test
  void refusesWhatIsNotAnEncodedList() throws IOException {
    byte[] bits = new byte[16_384];
    assertThrows(
        IllegalArgumentException.class, () -> BitstringStatusList.decode(gzipBase64Url(bits)));
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("uAAAA"));
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("u!!"));
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode(null));
    String bomb = "u" + gzipBase64Url(new byte[BitstringStatusList.MAX_BYTES + 1]);
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode(bomb));
  }

  @Test
  void refusesIndexesOutsideTheList() {
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.of(16, 16));
    assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.of(12));
    assertThrows(IndexOutOfBoundsException.class, () -> BitstringStatusList.of(16).isSet(-1));
  }

  private static String gzipBase64Url(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }
}

package com.spaceduck.cert.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * QR codes of links, drawn as SVG or PNG. ZXing computes the modules; the drawing is done here so
 * that no AWT is needed (it keeps the native image and the JVM's footprint small): SVG is one path,
 * PNG a 1-bit greyscale image.
 */
public final class QrCodes {

  /** Pixels per module in the PNG. */
  static final int PNG_SCALE = 8;

  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(
          EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET,
          StandardCharsets.UTF_8.name(),
          EncodeHintType.MARGIN,
          4);
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private QrCodes() {}

  /** The modules of the QR code of {@code text}, with the standard four-module quiet zone. */
  public static BitMatrix encode(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode as a QR code", e);
    }
  }

  /** An SVG drawing one unit per module: a white square and one black path of row runs. */
  public static String svg(BitMatrix modules) {
    int width = modules.getWidth();
    int height = modules.getHeight();
    StringBuilder path = new StringBuilder(width * height);
    for (int y = 0; y < height; y++) {
      int x = 0;
      while (x < width) {
        if (!modules.get(x, y)) {
          x++;
          continue;
        }
        int run = 1;
        while (x + run < width && modules.get(x + run, y)) {
          run++;
        }
        path.append('M').append(x).append(' ').append(y);
        path.append('h').append(run).append("v1h-").append(run).append('z');
        x += run;
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" width=\""
        + width * PNG_SCALE
        + "\" height=\""
        + height * PNG_SCALE
        + "\" shape-rendering=\"crispEdges\"><rect width=\""
        + width
        + "\" height=\""
        + height
        + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /** A 1-bit greyscale PNG, {@link #PNG_SCALE} pixels per module. */
  public static byte[] png(BitMatrix modules) {
    int width = modules.getWidth() * PNG_SCALE;
    int height = modules.getHeight() * PNG_SCALE;
    int rowBytes = (width + 7) / 8;
    byte[] raw = new byte[(rowBytes + 1) * height];
    for (int y = 0; y < height; y++) {
      int row = y * (rowBytes + 1); // raw[row] = 0: filter "none"
      for (int x = 0; x < width; x++) {
        if (!modules.get(x / PNG_SCALE, y / PNG_SCALE)) {
          // Bit set = white; left-most pixel in the most significant bit.
          raw[row + 1 + (x >>> 3)] |= (byte) (0x80 >>> (x & 7));
        }
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
    png.writeBytes(PNG_SIGNATURE);
    chunk(
        png,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 1) // bit depth
            .put((byte) 0) // colour type: greyscale
            .put((byte) 0) // compression: deflate
            .put((byte) 0) // filter method
            .put((byte) 0) // no interlace
            .array());
    chunk(png, "IDAT", deflate(raw));
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(name);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}

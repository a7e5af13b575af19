package com.spaceduck.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One plain RESP command to the local Redis, for tests that act on it from outside the service
 * under test (a packaged application's test has no Quarkus Redis client of its own).
 */
public final class LocalRedis {

  private LocalRedis() {}

  /** Sends one command and returns the first line of the answer ({@code +OK}, {@code :1}, …). */
  public static String command(String... arguments) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(LocalServices.redisHost(), LocalServices.redisPort()), 2000);
      socket.setSoTimeout(5000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String argument : arguments) {
        byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
        request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.writeBytes(bytes);
        request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      OutputStream out = socket.getOutputStream();
      request.writeTo(out);
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis at " + LocalServices.redisHost() + " refused", e);
    }
  }

  /**
   * Removes a key a test run created; best effort (a leftover key of a finished run harms nothing).
   */
  static void delete(String key) {
    try {
      command("DEL", key);
    } catch (UncheckedIOException e) {
      // The next run's keys have other names.
    }
  }
}

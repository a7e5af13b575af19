package com.spaceduck.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Removes keys a test run created on the local Redis, with one plain RESP command. */
final class RedisKeys {

  private RedisKeys() {}

  static void delete(String key) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(LocalServices.redisHost(), LocalServices.redisPort()), 2000);
      socket.setSoTimeout(2000);
      byte[] name = key.getBytes(StandardCharsets.UTF_8);
      String command = "*2\r\n$3\r\nDEL\r\n$" + name.length + "\r\n" + key + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(command.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      in.read();
    } catch (IOException e) {
      // Best effort: a leftover stream of a finished test run harms nothing.
    }
  }
}

package com.spaceduck.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DependencyFailuresTest {

  private final DependencyFailures failures =
      new DependencyFailures(List.of(new NetworkFailures()));

  @Test
  void connectionFailuresAreFoundUnderWrappers() {
    assertTrue(failures.unreachable(new ConnectException("Connection refused")));
    assertTrue(
        failures.unreachable(
            new IllegalStateException(
                new CompletionException(new ConnectException("Connection refused")))));
    assertTrue(failures.unreachable(new CompletionException(new ClosedChannelException())));
    assertTrue(failures.unreachable(new SocketException("Connection reset by peer")));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(failures.unreachable(new IllegalStateException("bug")));
    assertFalse(failures.unreachable(new SocketException("Socket closed by the application")));
    assertFalse(
        failures.unreachable(new CompletionException(new IllegalArgumentException("bad input"))));
  }

  @Test
  void aCauseCycleEnds() {
    Throwable cyclic =
        new RuntimeException("loop") {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };
    assertFalse(failures.unreachable(cyclic));
  }
}

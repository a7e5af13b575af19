package com.spaceduck.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/** Connections refused, reset or closed under the client, whatever the client library. */
@ApplicationScoped
public class NetworkFailures implements DependencyFailure {

  @Override
  public boolean unreachable(Throwable failure) {
    return failure instanceof ConnectException
        || failure instanceof NoRouteToHostException
        || failure instanceof ClosedChannelException
        || connectionReset(failure);
  }

  /** The peer reset the connection (the JDK reports it only in the message). */
  public static boolean connectionReset(Throwable failure) {
    return failure instanceof SocketException
        && failure.getMessage() != null
        && failure.getMessage().contains("Connection reset");
  }
}

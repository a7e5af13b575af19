package com.spaceduck.platform.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** What the stream's consumer groups have read ({@code XINFO GROUPS}, {@code XPENDING}). */
@ApplicationScoped
public class StreamGroups {

  /**
   * One consumer group: entries delivered but not acknowledged ({@code pending}), the last entry
   * delivered, and the entries not yet delivered ({@code lag}; -1 when Redis cannot tell).
   */
  public record Group(String name, long pending, String lastDeliveredId, long lag) {}

  private final Redis redis;

  public StreamGroups(Redis redis) {
    this.redis = redis;
  }

  /** The stream's groups; none when the stream does not exist. */
  public Uni<List<Group>> of(String stream) {
    return redis
        .send(Request.cmd(Command.XINFO).arg("GROUPS").arg(stream))
        .map(StreamGroups::parse)
        .onFailure(e -> String.valueOf(e.getMessage()).contains("no such key"))
        .recoverWithItem(List.of());
  }

  /**
   * The oldest entry the group still needs: its oldest pending entry, or, with none pending, its
   * last delivered entry (everything after it is still to come).
   */
  public Uni<String> oldestNeeded(String stream, Group group) {
    if (group.pending() == 0) {
      return Uni.createFrom().item(group.lastDeliveredId());
    }
    return redis
        .send(Request.cmd(Command.XPENDING).arg(stream).arg(group.name()))
        .map(
            summary ->
                summary.get(1) == null ? group.lastDeliveredId() : summary.get(1).toString());
  }

  private static List<Group> parse(Response reply) {
    List<Group> groups = new ArrayList<>();
    if (reply == null) {
      return groups;
    }
    for (Response entry : reply) {
      Response lag = field(entry, "lag");
      groups.add(
          new Group(
              field(entry, "name").toString(),
              field(entry, "pending").toLong(),
              field(entry, "last-delivered-id").toString(),
              lag == null ? -1 : lag.toLong()));
    }
    return groups;
  }

  /** A field of a reply that is a map (RESP3) or a flat list of names and values (RESP2). */
  private static Response field(Response entry, String name) {
    if (!entry.getKeys().isEmpty()) {
      return entry.get(name);
    }
    for (int i = 0; i + 1 < entry.size(); i += 2) {
      if (name.equals(entry.get(i).toString())) {
        return entry.get(i + 1);
      }
    }
    return null;
  }

  /** Compares two stream ids ({@code <ms>-<seq>}) in stream order. */
  public static int compare(String a, String b) {
    long[] x = parts(a);
    long[] y = parts(b);
    int byTime = Long.compare(x[0], y[0]);
    return byTime != 0 ? byTime : Long.compare(x[1], y[1]);
  }

  private static long[] parts(String id) {
    int dash = id.indexOf('-');
    return dash < 0
        ? new long[] {Long.parseLong(id), 0}
        : new long[] {
          Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))
        };
  }
}

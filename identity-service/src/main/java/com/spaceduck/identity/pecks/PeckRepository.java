package com.spaceduck.identity.pecks;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The {@code pecks} table. */
@ApplicationScoped
public class PeckRepository {

  private static final String COLUMNS =
      "id, from_agent_id, from_duckling_id, to_agent_id, to_duckling_id, body, sent_at";

  private static final String NEWEST_FIRST = " order by sent_at desc, id desc limit $2 offset $3";

  private static final String RECEIVED =
      "select " + COLUMNS + " from pecks where to_agent_id = $1" + NEWEST_FIRST;

  private static final String SENT =
      "select " + COLUMNS + " from pecks where from_agent_id = $1" + NEWEST_FIRST;

  private static final String BOTH =
      "select "
          + COLUMNS
          + " from pecks where to_agent_id = $1 or from_agent_id = $1"
          + NEWEST_FIRST;

  private static final String INSERT =
      "insert into pecks (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7)";

  private final Database database;

  public PeckRepository(Database database) {
    this.database = database;
  }

  /** Up to {@code limit} of an agent's pecks from {@code offset}, newest first. */
  public Uni<List<Peck>> slice(UUID agentId, PeckDirection direction, int offset, int limit) {
    String query =
        switch (direction) {
          case IN -> RECEIVED;
          case OUT -> SENT;
          case BOTH -> BOTH;
        };
    return database.list(
        query, Tuple.of(agentId, (long) limit, (long) offset), PeckRepository::peck);
  }

  public Uni<Void> insert(Peck peck) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  peck.id,
                  peck.fromAgentId,
                  peck.fromDucklingId,
                  peck.toAgentId,
                  peck.toDucklingId,
                  peck.body,
                  Rows.timestamptz(peck.sentAt)
                }))
        .replaceWithVoid();
  }

  private static Peck peck(Row row) {
    Peck peck = new Peck();
    peck.id = row.getUUID("id");
    peck.fromAgentId = row.getUUID("from_agent_id");
    peck.fromDucklingId = row.getUUID("from_duckling_id");
    peck.toAgentId = row.getUUID("to_agent_id");
    peck.toDucklingId = row.getUUID("to_duckling_id");
    peck.body = row.getString("body");
    peck.sentAt = Rows.instant(row, "sent_at");
    return peck;
  }
}

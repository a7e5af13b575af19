package com.spaceduck.identity.agents;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code agents} table. */
@ApplicationScoped
public class AgentRepository {

  static final int LIST_LIMIT = 100;

  private static final String COLUMNS = "id, duckling_id, name, bonded_at, created_at";

  private static final String FIND = "select " + COLUMNS + " from agents where id = $1";

  private static final String FIND_OWNED =
      "select " + COLUMNS + " from agents where id = $1 and duckling_id = $2";

  private static final String LIST_OWNED =
      "select "
          + COLUMNS
          + " from agents where duckling_id = $1 order by created_at desc limit "
          + LIST_LIMIT;

  private static final String COUNT_BONDED =
      "select count(*) from agents where duckling_id = $1 and bonded_at is not null";

  private static final String INSERT =
      "insert into agents (" + COLUMNS + ") values ($1, $2, $3, $4, $5)";

  private static final String BOND = "update agents set bonded_at = $2 where id = $1";

  private final Database database;

  public AgentRepository(Database database) {
    this.database = database;
  }

  /** By id, whoever owns it, or {@code null}. */
  public Uni<Agent> findById(UUID agentId) {
    return database.first(FIND, Tuple.of(agentId), AgentRepository::agent);
  }

  /** The agent if it is the duckling's, otherwise {@code null}. */
  public Uni<Agent> findOwned(UUID agentId, UUID ducklingId) {
    return database.first(FIND_OWNED, Tuple.of(agentId, ducklingId), AgentRepository::agent);
  }

  /** The duckling's newest {@value #LIST_LIMIT} agents, newest first. */
  public Uni<List<Agent>> listOwned(UUID ducklingId) {
    return database.list(LIST_OWNED, Tuple.of(ducklingId), AgentRepository::agent);
  }

  public Uni<Long> countBonded(UUID ducklingId) {
    return database.count(COUNT_BONDED, Tuple.of(ducklingId));
  }

  public Uni<Void> insert(Agent agent) {
    return database
        .update(
            INSERT,
            Tuple.of(
                agent.id,
                agent.ducklingId,
                agent.name,
                Rows.timestamptz(agent.bondedAt),
                Rows.timestamptz(agent.createdAt)))
        .replaceWithVoid();
  }

  /** Records the agent as bonded at {@code at}. */
  public Uni<Void> bond(UUID agentId, Instant at) {
    return database.update(BOND, Tuple.of(agentId, Rows.timestamptz(at))).replaceWithVoid();
  }

  private static Agent agent(Row row) {
    Agent agent = new Agent();
    agent.id = row.getUUID("id");
    agent.ducklingId = row.getUUID("duckling_id");
    agent.name = row.getString("name");
    agent.bondedAt = Rows.instant(row, "bonded_at");
    agent.createdAt = Rows.instant(row, "created_at");
    return agent;
  }
}

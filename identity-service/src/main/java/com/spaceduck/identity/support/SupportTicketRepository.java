package com.spaceduck.identity.support;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code support_tickets}: this service only opens them. */
@ApplicationScoped
public class SupportTicketRepository {

  private static final SupportTicket.Status.Column STATUS = new SupportTicket.Status.Column();

  private static final String INSERT =
      "insert into support_tickets (id, email, message, status, created_at)"
          + " values ($1, $2, $3, $4, $5)";

  private final Database database;

  public SupportTicketRepository(Database database) {
    this.database = database;
  }

  public Uni<Void> insert(SupportTicket ticket) {
    return database
        .update(
            INSERT,
            Tuple.of(
                ticket.id,
                ticket.email,
                ticket.message,
                STATUS.toColumn(ticket.status),
                Rows.timestamptz(ticket.createdAt)))
        .replaceWithVoid();
  }
}

package com.spaceduck.identity.support;

import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SupportService {

  private final SupportTicketRepository tickets;
  private final Clock clock;

  public SupportService(SupportTicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<ContactResponse> contact(ContactRequest request) {
    String email = EmailAddresses.normalize(request.email());
    if (!EmailAddresses.valid(email)) {
      return Uni.createFrom()
          .failure(
              ProblemException.invalid(
                  "The request has invalid fields.",
                  List.of(new FieldError("email", "must be a valid email address"))));
    }
    SupportTicket ticket = new SupportTicket();
    ticket.id = UUID.randomUUID();
    ticket.email = email;
    ticket.message = request.message().strip();
    ticket.status = "open";
    ticket.createdAt = clock.instant();
    return tickets.persist(ticket).map(saved -> new ContactResponse(saved.id));
  }
}

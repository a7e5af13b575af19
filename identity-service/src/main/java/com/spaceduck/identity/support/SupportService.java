package com.spaceduck.identity.support;

import com.spaceduck.identity.EmailAddresses;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class SupportService {

  private final SupportTicketRepository tickets;
  private final Clock clock;

  public SupportService(SupportTicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  public Uni<ContactResponse> contact(ContactRequest request) {
    String email = EmailAddresses.normalize(request.email());
    SupportTicket ticket = new SupportTicket();
    ticket.id = UUID.randomUUID();
    ticket.email = email;
    ticket.message = request.message().strip();
    ticket.status = SupportTicket.Status.OPEN;
    ticket.createdAt = clock.instant();
    return tickets.insert(ticket).replaceWith(new ContactResponse(ticket.id));
  }
}

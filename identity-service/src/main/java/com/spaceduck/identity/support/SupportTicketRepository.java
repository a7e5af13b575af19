package com.spaceduck.identity.support;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SupportTicketRepository implements PanacheRepositoryBase<SupportTicket, UUID> {}

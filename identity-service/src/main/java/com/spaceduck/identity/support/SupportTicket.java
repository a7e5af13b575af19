package com.spaceduck.identity.support;

import com.spaceduck.identity.LowerCaseEnumConverter;
import java.time.Instant;
import java.util.UUID;

/** A support request, a row of {@code support_tickets}. */
public class SupportTicket {

  /** Where a ticket stands; support staff work the table, this service only opens tickets. */
  public enum Status {
    OPEN;

    public static class Column extends LowerCaseEnumConverter<Status> {
      public Column() {
        super(Status.class);
      }
    }
  }

  public UUID id;

  public String email;

  public String message;

  public Status status;

  public Instant createdAt;
}

package com.spaceduck.identity.support;

import com.spaceduck.identity.LowerCaseEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "support_tickets")
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

  @Id public UUID id;

  @Column(nullable = false)
  public String email;

  @Column(nullable = false)
  public String message;

  @Convert(converter = Status.Column.class)
  @Column(nullable = false)
  public Status status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

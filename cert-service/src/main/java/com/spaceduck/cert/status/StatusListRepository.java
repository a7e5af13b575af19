package com.spaceduck.cert.status;

import com.spaceduck.cert.CertConfig;
import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.StringJoiner;

/** Status lists: assigning entries (in the caller's transaction) and reading a list's bits. */
@ApplicationScoped
public class StatusListRepository {

  /**
   * Random indexes tried per assignment; with a list at most half full all are taken 2^-32 of the
   * time.
   */
  static final int CANDIDATES = 32;

  private static final String NEWEST =
      "select list_id, size, assigned from status_lists order by list_id desc limit 1 for update";
  private static final String OPEN =
      "insert into status_lists (list_id, size, assigned, created_at) values ($1, $2, 0, $3)";
  private static final String COUNT =
      "update status_lists set assigned = assigned + 1 where list_id = $1";
  private static final String FREE =
      "select cast(c as integer) from unnest(string_to_array($1, ',')) as c"
          + " where not exists (select 1 from certificates"
          + " where status_list = $2 and status_index = cast(c as integer)) limit 1";
  private static final String READ =
      "select l.size, array_agg(c.status_index) filter (where c.status_index is not null) as revoked"
          + " from status_lists l left join certificates c"
          + " on c.status_list = l.list_id and c.cert_status = 'REVOKED'"
          + " where l.list_id = $1 group by l.size";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final CertConfig config;
  private final Clock clock;

  public StatusListRepository(Database database, CertConfig config, Clock clock) {
    this.database = database;
    this.config = config;
    this.clock = clock;
  }

  /**
   * A free entry at a random index of the newest list, opening the next list when the newest has
   * had its share, within the current transaction. The newest list's row stays locked until the
   * transaction ends, so concurrent issuances count correctly; the unique (list, index) constraint
   * backs up the free-index check.
   */
  public Uni<StatusEntry> assign() {
    return database
        .first(
            NEWEST,
            Tuple.tuple(),
            row -> new ListRow(row.getInteger(0), row.getInteger(1), row.getInteger(2)))
        .chain(this::listWithRoom)
        .chain(this::freeEntry);
  }

  /** A status list's row: its id, size and how many entries it has given out. */
  private record ListRow(int id, int size, int assigned) {}

  private Uni<ListRow> listWithRoom(ListRow newest) {
    if (newest != null
        && newest.assigned() < config.statusLists().maxAssigned()
        && newest.assigned() < newest.size()) {
      return Uni.createFrom().item(newest);
    }
    ListRow next =
        new ListRow(newest == null ? 1 : newest.id() + 1, config.statusLists().size(), 0);
    return database
        .update(OPEN, Tuple.of(next.id(), next.size(), Rows.timestamptz(clock.instant())))
        .replaceWith(next);
  }

  private Uni<StatusEntry> freeEntry(ListRow list) {
    return database
        .update(COUNT, Tuple.of(list.id()))
        .chain(
            () ->
                database.first(
                    FREE, Tuple.of(candidates(list.size()), list.id()), row -> row.getInteger(0)))
        .map(
            index -> {
              if (index == null) {
                // Practically never; the transaction fails and the caller's retry draws again.
                throw new IllegalStateException("No free status index found in list " + list.id());
              }
              return new StatusEntry(list.id(), index);
            });
  }

  private static String candidates(int size) {
    StringJoiner joined = new StringJoiner(",");
    for (int i = 0; i < CANDIDATES; i++) {
      joined.add(Integer.toString(RANDOM.nextInt(size)));
    }
    return joined.toString();
  }

  /** The list's size and revoked indexes, or null when there is no such list. */
  public Uni<ListBits> read(int listId) {
    return database.first(
        READ,
        Tuple.of(listId),
        row -> {
          Integer[] revoked = row.getArrayOfIntegers("revoked");
          int[] indexes = new int[revoked == null ? 0 : revoked.length];
          for (int i = 0; i < indexes.length; i++) {
            indexes[i] = revoked[i];
          }
          return new ListBits(row.getInteger("size"), indexes);
        });
  }

  /** A list's size and the indexes of its revoked certificates. */
  public record ListBits(int size, int[] revoked) {}
}

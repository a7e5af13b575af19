package com.spaceduck.sync.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The catalog's SQL. A sync writes each type of object with one statement over arrays ({@code
 * unnest}), whatever the number of objects: 10,000 items written one by one would be 10,000 row
 * loads and as many UPDATE/INSERT round trips, about 50 times the 1 s budget of bench/sync. Each
 * upsert skips rows whose values did not change ({@code IS DISTINCT FROM}), so an unchanged re-sync
 * rewrites nothing, and reports what it created ({@code xmax = 0}) and updated.
 */
@ApplicationScoped
public class CatalogRepository {

  /** Separates an item's modifier-group ids in one array element; refused in ids as a control. */
  static final String GROUP_SEPARATOR = "\u001f";

  private static final String UPSERT_CATEGORIES =
      """
      with upserted as (
        insert into categories as c (venue_id, external_id, name, position, created_at, updated_at)
        select $1, t.external_id, t.name, t.position, $5, $5
          from unnest($2::text[], $3::text[], $4::int[]) as t(external_id, name, position)
        on conflict (venue_id, external_id) do update
          set name = excluded.name, position = excluded.position,
              updated_at = excluded.updated_at, deleted_at = null
          where (c.name, c.position, c.deleted_at)
                is distinct from (excluded.name, excluded.position, excluded.deleted_at)
        returning xmax = 0 as inserted)
      select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted
      """;

  private static final String UPSERT_GROUPS =
      """
      with upserted as (
        insert into modifier_groups as g
          (venue_id, external_id, name, min_selections, max_selections, created_at, updated_at)
        select $1, t.external_id, t.name, t.min_selections, t.max_selections, $6, $6
          from unnest($2::text[], $3::text[], $4::int[], $5::int[])
            as t(external_id, name, min_selections, max_selections)
        on conflict (venue_id, external_id) do update
          set name = excluded.name, min_selections = excluded.min_selections,
              max_selections = excluded.max_selections,
              updated_at = excluded.updated_at, deleted_at = null
          where (g.name, g.min_selections, g.max_selections, g.deleted_at)
                is distinct from (excluded.name, excluded.min_selections,
                                  excluded.max_selections, excluded.deleted_at)
        returning xmax = 0 as inserted)
      select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted
      """;

  private static final String UPSERT_MODIFIERS =
      """
      with upserted as (
        insert into modifiers as m (venue_id, group_external_id, external_id, name,
                                    price_amount, price_currency, available, created_at, updated_at)
        select $1, t.group_external_id, t.external_id, t.name, t.price_amount, t.price_currency,
               t.available, $8, $8
          from unnest($2::text[], $3::text[], $4::text[], $5::int8[], $6::text[], $7::bool[])
            as t(group_external_id, external_id, name, price_amount, price_currency, available)
        on conflict (venue_id, group_external_id, external_id) do update
          set name = excluded.name, price_amount = excluded.price_amount,
              price_currency = excluded.price_currency, available = excluded.available,
              updated_at = excluded.updated_at, deleted_at = null
          where (m.name, m.price_amount, m.price_currency, m.available, m.deleted_at)
                is distinct from (excluded.name, excluded.price_amount, excluded.price_currency,
                                  excluded.available, excluded.deleted_at)
        returning xmax = 0 as inserted)
      select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted
      """;

  private static final String UPSERT_ITEMS =
      """
      with upserted as (
        insert into items as i (venue_id, external_id, category_external_id, name, description,
                                price_amount, price_currency, available,
                                modifier_group_external_ids, created_at, updated_at)
        select $1, t.external_id, t.category_external_id, t.name, t.description, t.price_amount,
               t.price_currency, t.available, string_to_array(t.groups, E'\\x1f'), $10, $10
          from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::text[],
                      $8::bool[], $9::text[])
            as t(external_id, category_external_id, name, description, price_amount,
                 price_currency, available, groups)
        on conflict (venue_id, external_id) do update
          set category_external_id = excluded.category_external_id, name = excluded.name,
              description = excluded.description, price_amount = excluded.price_amount,
              price_currency = excluded.price_currency, available = excluded.available,
              modifier_group_external_ids = excluded.modifier_group_external_ids,
              updated_at = excluded.updated_at, deleted_at = null
          where (i.category_external_id, i.name, i.description, i.price_amount, i.price_currency,
                 i.available, i.modifier_group_external_ids, i.deleted_at)
                is distinct from (excluded.category_external_id, excluded.name,
                                  excluded.description, excluded.price_amount,
                                  excluded.price_currency, excluded.available,
                                  excluded.modifier_group_external_ids, excluded.deleted_at)
        returning xmax = 0 as inserted)
      select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted
      """;

  // A full sync's removals: the set difference of stored and sent ids first (EXCEPT hashes or
  // sorts, whatever the numbers), then one primary-key probe per removed row. An anti-join of the
  // table against the sent array instead can become a nested loop over both (10,000 x 10,000) when
  // the table's statistics are stale, as they are right after a first sync.
  private static final String DELETE_CATEGORIES =
      """
      update categories c set deleted_at = $3, updated_at = $3
        from (select external_id from categories where venue_id = $1 and deleted_at is null
              except select unnest($2::text[])) d
       where c.venue_id = $1 and c.external_id = d.external_id
      """;
  private static final String DELETE_GROUPS =
      """
      update modifier_groups g set deleted_at = $3, updated_at = $3
        from (select external_id from modifier_groups where venue_id = $1 and deleted_at is null
              except select unnest($2::text[])) d
       where g.venue_id = $1 and g.external_id = d.external_id
      """;
  private static final String DELETE_MODIFIERS =
      """
      update modifiers m set deleted_at = $4, updated_at = $4
        from (select group_external_id, external_id from modifiers
               where venue_id = $1 and deleted_at is null
              except select * from unnest($2::text[], $3::text[])) d
       where m.venue_id = $1 and m.group_external_id = d.group_external_id
         and m.external_id = d.external_id
      """;
  private static final String DELETE_ITEMS =
      """
      update items i set deleted_at = $3, updated_at = $3
        from (select external_id from items where venue_id = $1 and deleted_at is null
              except select unnest($2::text[])) d
       where i.venue_id = $1 and i.external_id = d.external_id
      """;

  private final Pool pool;

  public CatalogRepository(Pool pool) {
    this.pool = pool;
  }

  /** Created and updated counts of one upsert. */
  record Upserted(int created, int updated) {}

  /** Takes the venue's row lock for the rest of the transaction: one sync per venue at a time. */
  Uni<Boolean> lockVenue(SqlClient sql, UUID venueId) {
    return sql.preparedQuery("select 1 from venues where venue_id = $1 for update")
        .execute(Tuple.of(venueId))
        .map(rows -> rows.size() == 1);
  }

  /** Of these externalIds, those stored (and not deleted) in {@code table}. */
  Uni<Set<String>> stored(SqlClient sql, String table, UUID venueId, Set<String> externalIds) {
    if (externalIds.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    String query =
        "select external_id from "
            + table
            + " where venue_id = $1 and deleted_at is null and external_id = any($2::text[])";
    return sql.preparedQuery(query)
        .execute(Tuple.of(venueId, externalIds.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> found = new HashSet<>();
              rows.forEach(row -> found.add(row.getString(0)));
              return found;
            });
  }

  Uni<Upserted> upsertCategories(
      SqlClient sql, UUID venueId, List<SyncRequest.Category> categories, Instant now) {
    int n = categories.size();
    String[] ids = new String[n];
    String[] names = new String[n];
    Integer[] positions = new Integer[n];
    for (int i = 0; i < n; i++) {
      SyncRequest.Category c = categories.get(i);
      ids[i] = c.externalId();
      names[i] = c.name();
      positions[i] = c.position();
    }
    return upsert(
        sql,
        UPSERT_CATEGORIES,
        n,
        Tuple.tuple()
            .addUUID(venueId)
            .addArrayOfString(ids)
            .addArrayOfString(names)
            .addArrayOfInteger(positions)
            .addOffsetDateTime(at(now)));
  }

  Uni<Upserted> upsertModifierGroups(
      SqlClient sql, UUID venueId, List<SyncRequest.ModifierGroup> groups, Instant now) {
    int n = groups.size();
    String[] ids = new String[n];
    String[] names = new String[n];
    Integer[] mins = new Integer[n];
    Integer[] maxes = new Integer[n];
    for (int i = 0; i < n; i++) {
      SyncRequest.ModifierGroup g = groups.get(i);
      ids[i] = g.externalId();
      names[i] = g.name();
      mins[i] = g.minSelections();
      maxes[i] = g.maxSelections();
    }
    return upsert(
        sql,
        UPSERT_GROUPS,
        n,
        Tuple.tuple()
            .addUUID(venueId)
            .addArrayOfString(ids)
            .addArrayOfString(names)
            .addArrayOfInteger(mins)
            .addArrayOfInteger(maxes)
            .addOffsetDateTime(at(now)));
  }

  Uni<Upserted> upsertModifiers(SqlClient sql, UUID venueId, Modifiers modifiers, Instant now) {
    return upsert(
        sql,
        UPSERT_MODIFIERS,
        modifiers.size(),
        Tuple.tuple()
            .addUUID(venueId)
            .addArrayOfString(modifiers.groups)
            .addArrayOfString(modifiers.ids)
            .addArrayOfString(modifiers.names)
            .addArrayOfLong(modifiers.amounts)
            .addArrayOfString(modifiers.currencies)
            .addArrayOfBoolean(modifiers.available)
            .addOffsetDateTime(at(now)));
  }

  Uni<Upserted> upsertItems(
      SqlClient sql, UUID venueId, List<SyncRequest.Item> items, Instant now) {
    int n = items.size();
    String[] ids = new String[n];
    String[] categories = new String[n];
    String[] names = new String[n];
    String[] descriptions = new String[n];
    Long[] amounts = new Long[n];
    String[] currencies = new String[n];
    Boolean[] available = new Boolean[n];
    String[] groups = new String[n];
    for (int i = 0; i < n; i++) {
      SyncRequest.Item item = items.get(i);
      ids[i] = item.externalId();
      categories[i] = item.categoryExternalId();
      names[i] = item.name();
      descriptions[i] = item.description();
      amounts[i] = item.price().amount();
      currencies[i] = item.price().currency();
      available[i] = item.available();
      groups[i] = String.join(GROUP_SEPARATOR, item.modifierGroupsOrEmpty());
    }
    return upsert(
        sql,
        UPSERT_ITEMS,
        n,
        Tuple.tuple()
            .addUUID(venueId)
            .addArrayOfString(ids)
            .addArrayOfString(categories)
            .addArrayOfString(names)
            .addArrayOfString(descriptions)
            .addArrayOfLong(amounts)
            .addArrayOfString(currencies)
            .addArrayOfBoolean(available)
            .addArrayOfString(groups)
            .addOffsetDateTime(at(now)));
  }

  Uni<Integer> deleteCategoriesNotIn(SqlClient sql, UUID venueId, String[] ids, Instant now) {
    return update(sql, DELETE_CATEGORIES, Tuple.of(venueId, ids, at(now)));
  }

  Uni<Integer> deleteModifierGroupsNotIn(SqlClient sql, UUID venueId, String[] ids, Instant now) {
    return update(sql, DELETE_GROUPS, Tuple.of(venueId, ids, at(now)));
  }

  Uni<Integer> deleteModifiersNotIn(SqlClient sql, UUID venueId, Modifiers sent, Instant now) {
    return update(sql, DELETE_MODIFIERS, Tuple.of(venueId, sent.groups, sent.ids, at(now)));
  }

  Uni<Integer> deleteItemsNotIn(SqlClient sql, UUID venueId, String[] ids, Instant now) {
    return update(sql, DELETE_ITEMS, Tuple.of(venueId, ids, at(now)));
  }

  /** Drops the venue's idempotency keys older than {@code cutoff}. */
  Uni<Integer> purgeIdempotencyKeys(SqlClient sql, UUID venueId, Instant cutoff) {
    return update(
        sql,
        "delete from idempotency_keys where venue_id = $1 and created_at < $2",
        Tuple.of(venueId, at(cutoff)));
  }

  /** A key's request hash and the report of the sync it answered, or null. */
  Uni<IdempotentAnswer> idempotentAnswer(SqlClient sql, UUID venueId, String key) {
    return sql.preparedQuery(
            "select k.request_hash, s.report from idempotency_keys k"
                + " join syncs s on s.sync_id = k.sync_id"
                + " where k.venue_id = $1 and k.idempotency_key = $2")
        .execute(Tuple.of(venueId, key))
        .map(
            rows ->
                rows.size() == 0
                    ? null
                    : new IdempotentAnswer(
                        rows.iterator().next().getString(0), rows.iterator().next().getString(1)));
  }

  record IdempotentAnswer(String requestHash, String report) {}

  Uni<Void> recordSync(
      SqlClient sql,
      UUID syncId,
      UUID venueId,
      String report,
      Instant now,
      String idempotencyKey,
      String requestHash) {
    Uni<RowSet<Row>> sync =
        sql.preparedQuery(
                "insert into syncs (sync_id, venue_id, report, created_at) values ($1, $2, $3, $4)")
            .execute(Tuple.of(syncId, venueId, report, at(now)));
    if (idempotencyKey == null) {
      return sync.replaceWithVoid();
    }
    return sync.chain(
            () ->
                sql.preparedQuery(
                        "insert into idempotency_keys"
                            + " (venue_id, idempotency_key, request_hash, sync_id, created_at)"
                            + " values ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(venueId, idempotencyKey, requestHash, syncId, at(now))))
        .replaceWithVoid();
  }

  /** The stored report of one of the venue's syncs, or null. */
  public Uni<String> report(UUID venueId, UUID syncId) {
    return pool.preparedQuery("select report from syncs where sync_id = $1 and venue_id = $2")
        .execute(Tuple.of(syncId, venueId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  /** The venue's categories, by position then externalId. */
  Uni<List<CatalogPage.Category>> categories(UUID venueId) {
    return pool.preparedQuery(
            "select external_id, name, position, updated_at from categories"
                + " where venue_id = $1 and deleted_at is null"
                + " order by position nulls last, external_id")
        .execute(Tuple.of(venueId))
        .map(
            rows -> {
              List<CatalogPage.Category> list = new ArrayList<>(rows.size());
              for (Row row : rows) {
                list.add(
                    new CatalogPage.Category(
                        row.getString(0),
                        row.getString(1),
                        row.getInteger(2),
                        row.getOffsetDateTime(3).toInstant()));
              }
              return list;
            });
  }

  /** The venue's modifier groups with their modifiers, by externalId. */
  Uni<List<CatalogPage.ModifierGroup>> modifierGroups(UUID venueId) {
    Uni<RowSet<Row>> groups =
        pool.preparedQuery(
                "select external_id, name, min_selections, max_selections, updated_at"
                    + " from modifier_groups where venue_id = $1 and deleted_at is null"
                    + " order by external_id")
            .execute(Tuple.of(venueId));
    Uni<RowSet<Row>> modifiers =
        pool.preparedQuery(
                "select group_external_id, external_id, name, price_amount, price_currency,"
                    + " available from modifiers where venue_id = $1 and deleted_at is null"
                    + " order by group_external_id, external_id")
            .execute(Tuple.of(venueId));
    return Uni.combine()
        .all()
        .unis(groups, modifiers)
        .with(
            (groupRows, modifierRows) -> {
              Map<String, List<CatalogPage.Modifier>> byGroup = new HashMap<>();
              for (Row row : modifierRows) {
                Long amount = row.getLong(3);
                byGroup
                    .computeIfAbsent(row.getString(0), g -> new ArrayList<>())
                    .add(
                        new CatalogPage.Modifier(
                            row.getString(1),
                            row.getString(2),
                            amount == null ? null : new CatalogPage.Price(amount, row.getString(4)),
                            row.getBoolean(5)));
              }
              List<CatalogPage.ModifierGroup> list = new ArrayList<>(groupRows.size());
              for (Row row : groupRows) {
                list.add(
                    new CatalogPage.ModifierGroup(
                        row.getString(0),
                        row.getString(1),
                        row.getInteger(2),
                        row.getInteger(3),
                        byGroup.getOrDefault(row.getString(0), List.of()),
                        row.getOffsetDateTime(4).toInstant()));
              }
              return list;
            });
  }

  private static final String ITEM_COLUMNS =
      "select external_id, category_external_id, name, description, price_amount,"
          + " price_currency, available, modifier_group_external_ids, updated_at from items";
  // Two statements rather than one "($2 is null or external_id > $2)": a generic plan of that
  // cannot use the cursor in the index condition and would filter every row before it.
  private static final String FIRST_ITEMS =
      ITEM_COLUMNS + " where venue_id = $1 and deleted_at is null order by external_id limit $2";
  private static final String ITEMS_AFTER =
      ITEM_COLUMNS
          + " where venue_id = $1 and external_id > $2 and deleted_at is null"
          + " order by external_id limit $3";

  /** Up to {@code limit} of the venue's items after externalId {@code after}, in that order. */
  Uni<List<CatalogPage.Item>> items(UUID venueId, String after, int limit) {
    Uni<RowSet<Row>> rows =
        after == null
            ? pool.preparedQuery(FIRST_ITEMS).execute(Tuple.of(venueId, limit))
            : pool.preparedQuery(ITEMS_AFTER).execute(Tuple.of(venueId, after, limit));
    return rows.map(
        page -> {
          List<CatalogPage.Item> list = new ArrayList<>(page.size());
          for (Row row : page) {
            list.add(
                new CatalogPage.Item(
                    row.getString(0),
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    new CatalogPage.Price(row.getLong(4), row.getString(5)),
                    row.getBoolean(6),
                    List.of(row.getArrayOfStrings(7)),
                    row.getOffsetDateTime(8).toInstant()));
          }
          return list;
        });
  }

  private static Uni<Upserted> upsert(SqlClient sql, String statement, int n, Tuple params) {
    if (n == 0) {
      return Uni.createFrom().item(new Upserted(0, 0));
    }
    return sql.preparedQuery(statement)
        .execute(params)
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Upserted(row.getLong(0).intValue(), row.getLong(1).intValue());
            });
  }

  private static Uni<Integer> update(SqlClient sql, String statement, Tuple params) {
    return sql.preparedQuery(statement).execute(params).map(RowSet::rowCount);
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A sync's modifiers, flattened across their groups into the columns of one statement. */
  static final class Modifiers {
    final String[] groups;
    final String[] ids;
    final String[] names;
    final Long[] amounts;
    final String[] currencies;
    final Boolean[] available;

    Modifiers(List<SyncRequest.ModifierGroup> modifierGroups) {
      int n = 0;
      for (SyncRequest.ModifierGroup group : modifierGroups) {
        n += group.modifiersOrEmpty().size();
      }
      groups = new String[n];
      ids = new String[n];
      names = new String[n];
      amounts = new Long[n];
      currencies = new String[n];
      available = new Boolean[n];
      int i = 0;
      for (SyncRequest.ModifierGroup group : modifierGroups) {
        for (SyncRequest.Modifier modifier : group.modifiersOrEmpty()) {
          groups[i] = group.externalId();
          ids[i] = modifier.externalId();
          names[i] = modifier.name();
          amounts[i] = modifier.price() == null ? null : modifier.price().amount();
          currencies[i] = modifier.price() == null ? null : modifier.price().currency();
          available[i] = modifier.available() == null || modifier.available();
          i++;
        }
      }
    }

    int size() {
      return ids.length;
    }
  }
}

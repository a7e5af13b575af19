-- DuckHub: venues, their one API key each, and the catalog a venue's POS pushes.

create table venues (
  venue_id   uuid primary key,
  owner_id   uuid not null,            -- the duckling (sd_token sub) that owns the venue
  name       text not null,
  timezone   text not null,
  currency   char(3),
  created_at timestamptz not null
);
create index venues_by_owner on venues (owner_id, created_at, venue_id);

-- One key per venue: regenerating replaces the row's hash, revoking deletes the row.
create table venue_api_keys (
  venue_id        uuid primary key references venues on delete cascade,
  key_hash        text not null unique,  -- hex SHA-256 of the whole key
  prefix          text not null,         -- the first 16 characters, for identification
  created_at      timestamptz not null,
  last_used_at    timestamptz,
  last_user_agent text
);

-- Catalog objects are upserted by (venue, externalId); a full sync soft-deletes what it did not
-- send (deleted_at), so reports can say what went and a later sync can bring it back.
create table categories (
  venue_id    uuid not null references venues on delete cascade,
  external_id text not null,
  name        text not null,
  position    integer,
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  deleted_at  timestamptz,
  primary key (venue_id, external_id)
);

create table modifier_groups (
  venue_id       uuid not null references venues on delete cascade,
  external_id    text not null,
  name           text not null,
  min_selections integer,
  max_selections integer,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  deleted_at     timestamptz,
  primary key (venue_id, external_id)
);

-- A modifier belongs to its group: its externalId is unique within the group.
create table modifiers (
  venue_id          uuid not null references venues on delete cascade,
  group_external_id text not null,
  external_id       text not null,
  name              text not null,
  price_amount      bigint,
  price_currency    char(3),
  available         boolean not null,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  deleted_at        timestamptz,
  primary key (venue_id, group_external_id, external_id)
);

create table items (
  venue_id                    uuid not null references venues on delete cascade,
  external_id                 text not null,
  category_external_id        text not null,
  name                        text not null,
  description                 text,
  price_amount                bigint not null,
  price_currency              char(3) not null,
  available                   boolean not null,
  modifier_group_external_ids text[] not null,
  created_at                  timestamptz not null,
  updated_at                  timestamptz not null,
  deleted_at                  timestamptz,
  primary key (venue_id, external_id)
);

-- Every applied sync's report, for GET /v1/syncs/{syncId}.
create table syncs (
  sync_id    uuid primary key,
  venue_id   uuid not null references venues on delete cascade,
  report     text not null,              -- the JSON answer exactly as first given
  created_at timestamptz not null
);
create index syncs_by_venue on syncs (venue_id, created_at);

-- Idempotency-Key: the first answer to a key is replayed for 24 h to a retry with the same body.
create table idempotency_keys (
  venue_id        uuid not null references venues on delete cascade,
  idempotency_key text not null,
  request_hash    text not null,
  sync_id         uuid not null references syncs on delete cascade,
  created_at      timestamptz not null,
  primary key (venue_id, idempotency_key)
);

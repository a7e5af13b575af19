-- Signed credentials and W3C Bitstring Status Lists (revocation).
--
-- status_lists: one row per list. Certificates get a random free index in the newest list until
-- `assigned` reaches the configured share of `size`; then a new list is opened. The bits
-- themselves are not stored: a list's revoked bits are its certificates with cert_status REVOKED,
-- so a revocation shows on the next fetch with nothing else to update.
create table status_lists (
    list_id    integer     primary key,
    size       integer     not null,
    assigned   integer     not null default 0,
    created_at timestamptz not null,
    constraint status_lists_size_check check (size >= 131072 and size % 8 = 0),
    constraint status_lists_assigned_check check (assigned >= 0 and assigned <= size)
);

-- credential: the compact JWS signed at issuance and at every re-tiering (never per request);
-- credential_kid: the key that signed it, so a retired key's remaining credentials can be counted.
-- (status_list, status_index): the certificate's revocation bit, unique per list.
alter table certificates
    add column credential     text,
    add column credential_kid varchar(64),
    add column status_list    integer references status_lists (list_id),
    add column status_index   integer,
    add constraint certificates_status_entry_unique unique (status_list, status_index),
    add constraint certificates_status_entry_check
        check ((status_list is null) = (status_index is null) and status_index >= 0),
    add constraint certificates_credential_check
        check ((credential is null) = (credential_kid is null)
               and (credential is null or status_list is not null));

-- The revoked entries of a list, read on every status list fetch.
create index certificates_revoked_entries on certificates (status_list, status_index)
    where cert_status = 'REVOKED';

-- Credentials still current per signing key (key rotation, README "Rotating the signing key").
create index certificates_credential_kid on certificates (credential_kid, expires_at);

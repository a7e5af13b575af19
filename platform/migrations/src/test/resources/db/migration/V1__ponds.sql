-- A service's own first migration, for the migrator's tests only.
create table ponds (
    id   bigserial primary key,
    name text not null
);

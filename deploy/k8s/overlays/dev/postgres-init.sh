#!/bin/sh
# DEV ONLY. Run once by the postgres image's entrypoint when the data directory is
# initialised: the two roles the services use and their three databases.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner="$MIGRATIONS_USER" -v owner_password="$MIGRATIONS_PASSWORD" \
  -v app="$APP_USER" -v app_password="$APP_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
SQL
for db in identity cert sync; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v owner="$MIGRATIONS_USER" -v app="$APP_USER" \
    -f /etc/spaceduck/postgres-database.sql
done

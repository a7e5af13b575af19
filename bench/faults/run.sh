#!/usr/bin/env bash
# The DESIGN.md fault target under load: PostgreSQL, then Redis, taken away for 6 s each, then
# identity-service restarted (SIGTERM with its pod's 20 s shutdown grace, then a new start), while
# sign-ups and key-authenticated reads go through the gateway. faults.py drives it and checks
# that no acknowledged write is lost, that no 5xx but 503 with Retry-After is answered, and that
# everything recovers by itself; then stream_loss.py wipes the event stream (Redis restarted
# without persistence) while cert-service is down. Throw-away databases, dropped at the end. Writes
# RESULTS.md beside this script; exits 1 if a check fails.
#
#   bench/faults/run.sh            (builds first if needed)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

require_java
require_postgres
require_redis
for port in 15432 16379 16479 18280 18281 18282; do
  ! port_open 127.0.0.1 "$port" || fail "Port $port is taken."
done
for service in gateway identity-service cert-service; do
  [[ -f $service/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
done

export ROOT=$root TAG=faults_$(date +%s) WORK
WORK=$(mktemp -d)
export JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
cleanup() {
  for db in identity cert; do
    psql -X -q -d postgres -c "drop database if exists ${TAG}_$db with (force)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
for db in identity cert; do
  psql -X -q -d postgres -c "create database ${TAG}_$db" >/dev/null
  # Migrated before the services start, by the migrator their packages ship (as in a pod).
  migrate_service "$root/$db-service/target/quarkus-app" SPACEDUCK_DATABASE="${TAG}_$db" >"$WORK/migrate-$db.log" 2>&1 ||
    { cat "$WORK/migrate-$db.log" >&2; fail "the migrations of ${TAG}_$db failed"; }
done
use_dev_jwt_keys "$WORK/jwt" >/dev/null
use_dev_credential_keys "$WORK/jwt"

{ python3 "$here/faults.py" && python3 "$here/stream_loss.py"; } || {
  status=$?
  kept=$(mktemp -d /tmp/faults-logs.XXXXXX)
  cp "$WORK"/*.log "$kept"/
  say "the services' logs are kept in $kept"
  exit $status
}

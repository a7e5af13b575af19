#!/usr/bin/env bash
# Makes sure the PostgreSQL and Redis the tests and the local run use are answering. When
# they are local servers of this machine that have stopped, starts them with the same
# commands the machine itself uses; otherwise says what to install or set.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

local_host() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

if ! port_open "$PGHOST" "$PGPORT" && local_host "$PGHOST" && command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if [[ -n $version ]]; then
    say "starting the local PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do port_open "$PGHOST" "$PGPORT" && break; sleep 0.5; done
  fi
fi

redis_h=$(redis_host)
redis_p=$(redis_port)
if ! redis_answers "$redis_h" "$redis_p" && local_host "$redis_h" && command -v redis-server >/dev/null 2>&1; then
  say "starting a local Redis on port $redis_p"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_p" --save "" --appendonly no >/dev/null || true
  for _ in $(seq 1 30); do redis_answers "$redis_h" "$redis_p" && break; sleep 0.5; done
fi

require_postgres
require_redis
say "PostgreSQL at $PGHOST:$PGPORT and Redis at $redis_h:$redis_p are answering"

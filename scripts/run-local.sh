#!/usr/bin/env bash
# Runs the whole platform on this machine: the gateway and the three services as JVM
# processes, against the PostgreSQL and Redis on localhost (or PGHOST/PGPORT/PGUSER/
# PGPASSWORD and REDIS_URL). Builds first, migrates each service's database with the migrator
# its package ships (as the pods' init containers do), waits until every service is ready,
# prints the URLs, and stops everything on Ctrl-C.
#
#   scripts/run-local.sh            build, start, wait for Ctrl-C
#   SKIP_BUILD=1 scripts/run-local.sh   start what was built last time
#
# With JDK 25 or newer as `java`, it builds with -Daot and starts each service with the JDK's AOT
# cache (-XX:AOTCache=app.aot, recorded by that JDK during the build), as the JVM image does:
# about half the time to ready (bench/startup). AOT=0 turns that off; JDK 17-24 run without it.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

services=(identity-service:8081 cert-service:8082 sync-service:8083 gateway:8080)
state=$root/.local
logs=$state/logs
mkdir -p "$logs"

require_java
require_postgres
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
aot=()
if [[ ${AOT:-1} != 0 && ${java_major%%.*} -ge 25 ]]; then aot=(-Daot); fi
require_redis
ensure_databases identity cert sync

for entry in "${services[@]}"; do
  port=${entry#*:}
  for p in "$port" "$(management_port "$port")"; do
    ! port_open 127.0.0.1 "$p" || fail "Port $p is already in use; stop whatever listens there (ss -ltnp 'sport = :$p')."
  done
done

# Development signing keys for sd_token, generated once into the ignored .local/ folder.
use_dev_jwt_keys "$state/jwt"
use_dev_credential_keys "$state/cert"

if [[ -z ${SKIP_BUILD:-} ]]; then
  say "building (./mvnw package -DskipTests ${aot[*]}) ..."
  ./mvnw -B -q package -DskipTests "${aot[@]}" >"$logs/build.log" 2>&1 || {
    tail -40 "$logs/build.log" >&2
    fail "The build failed; the full log is $logs/build.log."
  }
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    say ""
    say "stopping ..."
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  say "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# A local run sends webhooks to local receivers (plain http, loopback): identity-service's
# development switch, off in production.
export SPACEDUCK_IDENTITY_WEBHOOKS_ALLOW_INSECURE_TARGETS=${SPACEDUCK_IDENTITY_WEBHOOKS_ALLOW_INSECURE_TARGETS:-true}

# Each service's migrations first, from its own package (platform-migrations' migrator next to
# its db/migration), as the pods' init container runs them: the services have no Flyway.
for entry in "${services[@]}"; do
  name=${entry%%:*}
  app=$root/$name/target/quarkus-app
  [[ -f $app/quarkus-run.jar ]] || fail "$app/quarkus-run.jar is missing; run without SKIP_BUILD."
  if ! migrate_service "$app" 2>&1 | sed "s/^/$name: /"; then
    fail "$name: its migrations failed (above)."
  fi
done

for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry#*:}
  app=$root/$name/target/quarkus-app
  # The AOT cache, if the build made one with this JDK; it is read relative to the jar's folder.
  cache=()
  [[ ${#aot[@]} -gt 0 && -f $app/app.aot ]] && cache=(-XX:AOTCache=app.aot)
  # shellcheck disable=SC2086
  (cd "$app" && QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
    exec java ${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} "${cache[@]}" -jar quarkus-run.jar) >"$logs/$name.log" 2>&1 &
  pids+=($!)
done

deadline=$((SECONDS + ${READY_TIMEOUT:-90}))
for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry#*:}
  until curl -fsS -o /dev/null "http://127.0.0.1:$(management_port "$port")/q/health/ready" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      tail -20 "$logs/$name.log" >&2
      fail "$name did not become ready on port $port; its log is $logs/$name.log."
    fi
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || {
        tail -20 "$logs/$name.log" >&2
        fail "A service exited during start-up; logs are in $logs/."
      }
    done
    sleep 0.5
  done
done

say ""
say "Space Duck is running (logs in .local/logs/):"
for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry#*:}
  printf '  %-17s http://127.0.0.1:%s   management http://127.0.0.1:%s (/q/health/ready, /q/metrics)\n' \
    "$name" "$port" "$(management_port "$port")"
done
say ""
say "API entry point: http://127.0.0.1:8080   Press Ctrl-C to stop."

# Keep running until Ctrl-C or until a service dies.
while true; do
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      name=${services[$i]%%:*}
      tail -20 "$logs/$name.log" >&2
      fail "$name stopped unexpectedly; its log is $logs/$name.log."
    fi
  done
  sleep 1
done

#!/usr/bin/env bash
# What an idle platform costs: the four services started from their jars, left alone for
# SETTLE seconds, then the CPU time each process uses over WINDOW seconds (utime + stime from
# /proc/<pid>/stat), as cores. With BASELINE=<checkout with built jars>, that build's four
# services run beside these, measured in the same window, so the two figures share the
# machine's noise. Throw-away databases and stream, dropped at the end. Writes RESULTS.md.
#
#   bench/idle/run.sh
#   BASELINE=/path/to/other/checkout bench/idle/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

settle=${SETTLE:-20}
window=${WINDOW:-60}
services=(gateway identity-service cert-service sync-service)
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
tag=idle_$(date +%s)
work=$(mktemp -d)

require_java
require_postgres
require_redis
use_dev_jwt_keys "$work/jwt" >/dev/null
use_dev_credential_keys "$work/cert" >/dev/null
for s in "${services[@]}"; do
  [[ -f $s/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
done

builds=("this:$root:18380")
[[ -n ${BASELINE:-} ]] && builds+=("baseline:$BASELINE:18390")

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for b in "${builds[@]}"; do
    for db in identity cert sync; do
      psql -X -q -d postgres -c "drop database if exists ${tag}_${b%%:*}_$db with (force)" >/dev/null 2>&1 || true
    done
  done
  rm -rf "$work"
}
trap cleanup EXIT

ready() { # port management-port
  curl -fsS -o /dev/null "http://127.0.0.1:$1/q/health/ready" 2>/dev/null ||
    curl -fsS -o /dev/null "http://127.0.0.1:$2/q/health/ready" 2>/dev/null
}

declare -A pid_of
for b in "${builds[@]}"; do
  IFS=: read -r name dir base <<<"$b"
  for db in identity cert sync; do
    psql -X -q -d postgres -c "create database ${tag}_${name}_$db" >/dev/null
  done
  i=0
  for s in "${services[@]}"; do
    port=$((base + i)) mgmt=$((base + i + 5)) i=$((i + 1))
    db=${s%-service}
    # Migrated first by the package's own migrator (a build older than it migrates at start-up).
    migrate_service "$dir/$s/target/quarkus-app" SPACEDUCK_DATABASE="${tag}_${name}_$db" >"$work/$name-$s-migrate.log" 2>&1 ||
      { cat "$work/$name-$s-migrate.log" >&2; fail "$name $s: its migrations failed"; }
    # shellcheck disable=SC2086
    env QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$mgmt SPACEDUCK_DATABASE=${tag}_${name}_$db \
      SPACEDUCK_EVENTS_STREAM="bench:$tag:$name:events" \
      SPACEDUCK_GATEWAY_RATE_LIMITS_KEY_PREFIX="bench:$tag:$name:" \
      SPACEDUCK_GATEWAY_UPSTREAMS_IDENTITY=http://127.0.0.1:$((base + 1)) \
      SPACEDUCK_GATEWAY_UPSTREAMS_CERT=http://127.0.0.1:$((base + 2)) \
      SPACEDUCK_GATEWAY_UPSTREAMS_SYNC=http://127.0.0.1:$((base + 3)) \
      java $java_opts -jar "$dir/$s/target/quarkus-app/quarkus-run.jar" >"$work/$name-$s.log" 2>&1 &
    pids+=($!)
    pid_of[$name:$s]=$!
    deadline=$((SECONDS + 90))
    until ready "$port" "$mgmt"; do
      kill -0 "${pid_of[$name:$s]}" 2>/dev/null || { tail -20 "$work/$name-$s.log" >&2; fail "$name $s exited"; }
      ((SECONDS < deadline)) || fail "$name $s not ready after 90 s"
      sleep 0.2
    done
  done
done

say "all started; settling for $settle s, then measuring $window s"
sleep "$settle"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A before
for key in "${!pid_of[@]}"; do before[$key]=$(ticks "${pid_of[$key]}"); done
sleep "$window"
hz=$(getconf CLK_TCK)

{
  echo "# Idle cost"
  echo
  echo "Produced by \`bench/idle/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1),"
  echo "JAVA_OPTS=\`$java_opts\`: the four services started, left without requests for $settle s, then"
  echo "their CPU time (user + system) over $window s, in cores (1.0 = one core busy all the time)."
  [[ -n ${BASELINE:-} ]] && echo "\"baseline\" is the build in \`$BASELINE\`, run beside this one in the same window."
  echo
  echo "| build | gateway | identity-service | cert-service | sync-service | all four |"
  echo "|---|---|---|---|---|---|"
  for b in "${builds[@]}"; do
    name=${b%%:*}
    row="| $name" total=0
    for s in "${services[@]}"; do
      used=$(( $(ticks "${pid_of[$name:$s]}") - ${before[$name:$s]} ))
      total=$((total + used))
      row+=" | $(awk -v t="$used" -v hz="$hz" -v w="$window" 'BEGIN {printf "%.4f", t / hz / w}')"
    done
    echo "$row | $(awk -v t="$total" -v hz="$hz" -v w="$window" 'BEGIN {printf "%.4f", t / hz / w}') |"
  done
} >"$here/RESULTS.md"
cat "$here/RESULTS.md"

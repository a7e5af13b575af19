#!/usr/bin/env bash
# Start-to-ready time and resident memory of each service's JVM build.
# For every service, RUNS times: launch `java -jar quarkus-run.jar`, poll /q/health/ready (management port)
# every 10 ms until it answers 200, and record the wall time from launch, the start-up time
# Quarkus reports, and the RSS once ready. Writes the table to RESULTS.md beside this file.
#
#   bench/startup/run.sh            (after ./mvnw package -DskipTests, or it builds first)
#   RUNS=5 bench/startup/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

runs=${RUNS:-3}
port=18090
services=(gateway identity-service cert-service sync-service)
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}

require_java
require_postgres
require_redis
ensure_databases identity cert sync
use_dev_jwt_keys "$root/.local/jwt"
use_dev_credential_keys "$root/.local/jwt"
for s in "${services[@]}"; do
  [[ -f $s/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
done

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

rows=()
for s in "${services[@]}"; do
  walls=() reported=() rss=()
  for _ in $(seq 1 "$runs"); do
    log=$(mktemp)
    start=$(now_ms)
    # shellcheck disable=SC2086
    QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") java $java_opts -jar "$s/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
    pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$(management_port "$port")/q/health/ready" 2>/dev/null; do
      kill -0 $pid 2>/dev/null || { cat "$log" >&2; fail "$s exited during start-up"; }
      (( $(now_ms) - start < 60000 )) || fail "$s not ready after 60 s"
      sleep 0.01
    done
    walls+=($(($(now_ms) - start)))
    rss+=($(($(ps -o rss= -p $pid) / 1024)))
    reported+=($(grep -oE 'started in [0-9.]+s' "$log" | grep -oE '[0-9.]+' | awk '{print int($1*1000)}'))
    kill $pid && wait $pid 2>/dev/null || true
    rm -f "$log"
  done
  rows+=("| $s | $(printf '%s\n' "${walls[@]}" | median) | $(printf '%s\n' "${reported[@]}" | median) | $(printf '%s\n' "${rss[@]}" | median) | ${walls[*]} |")
done

{
  echo "# Start-up: JVM, launch to ready"
  echo
  echo "Produced by \`bench/startup/run.sh\` (RUNS=$runs) on $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1), JAVA_OPTS=\`$java_opts\`, local PostgreSQL and Redis."
  echo "Wall = launch of \`java -jar\` to the first 200 from \`/q/health/ready\` (includes JVM boot,"
  echo "Flyway validation and the first DB/Redis health checks). Target (DESIGN.md): <= 1500 ms."
  echo
  echo "| service | wall to ready, median ms | Quarkus \"started in\", median ms | RSS when ready, MiB | wall, each run ms |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Where the time goes and what was tried: README.md beside this file."
} >"$here/RESULTS.md"
cat "$here/RESULTS.md"

#!/usr/bin/env bash
# Public verify throughput of cert-service against the raw PostgreSQL lookup it wraps.
#
# Seeds CERTS certificates (default 10,000) into a throw-away database, starts the cert-service
# JVM build on 127.0.0.1:$PORT against it, warms it up, then measures with wrk:
#   POST /beak/cert/verify {"cert_id", "action":"verify"}  and  GET /beak/cert/verify?cert_id=
# for random seeded ids, and with pgbench the same SELECT by primary key (lookup.sql) at the
# service's pool size. Writes RESULTS.md beside this script. Everything stays on 127.0.0.1.
#
#   bench/cert/run.sh                      (after ./mvnw package -DskipTests, or it builds)
#   DURATION=30 CONNECTIONS=64 bench/cert/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
# psql's NOTICEs (e.g. "database does not exist, skipping") are noise here.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

certs=${CERTS:-10000}
duration=${DURATION:-20}
warmup=${WARMUP:-15}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-18082}
pool=20 # quarkus.datasource.reactive.max-size, the service's connections to PostgreSQL
db=sdbench_cert
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
jar=cert-service/target/quarkus-app/quarkus-run.jar

require_java
require_postgres
require_redis
! port_open 127.0.0.1 "$port" || fail "Port $port is taken; set PORT."

if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk ..."
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }) ||
    fail "wrk is needed: apt-get install wrk."
fi
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
if [[ -z $pgbench ]]; then
  say "installing pgbench (postgresql-contrib) ..."
  apt-get install -y postgresql-contrib >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql-contrib >/dev/null; }
  pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
  [[ -n $pgbench ]] || fail "pgbench is needed: apt-get install postgresql-contrib."
fi
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests -pl cert-service

work=$(mktemp -d)
# shellcheck source=cert-service/dev-credential-keys.sh
source "$root/cert-service/dev-credential-keys.sh"
use_dev_credential_keys "$work/keys"
pid=
cleanup() {
  if [[ -n $pid ]]; then
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  fi
  psql -X -q -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql -X -q -d postgres -c "drop database if exists $db with (force)" >/dev/null
psql -X -q -d postgres -c "create database $db" >/dev/null

say "starting cert-service on 127.0.0.1:$port ..."
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 SPACEDUCK_DATABASE=$db \
  SPACEDUCK_EVENTS_STREAM=sdbench:cert:events \
  java $java_opts -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
wait_ready "http://127.0.0.1:$port" "$pid" "$work/service.log" cert-service

say "seeding $certs certificates ..."
psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c "
  insert into certificates (cert_id, duckling_id, display_name, cert_status, trust_tier,
                            issued_at, expires_at, country, lambda_version)
  select md5('cert-' || n)::uuid, md5('duck-' || n)::uuid, 'Bench Duck ' || n, 'ISSUED', 'T0',
         now(), now() + interval '365 days', 'ZZ', 'bench'
  from generate_series(1, $certs) n;
  analyze certificates;" >/dev/null
psql -X -tA -d "$db" -c "select cert_id from certificates" >"$work/ids"
sed "s/random(1, 10000)/random(1, $certs)/" "$here/lookup.sql" >"$work/lookup.sql"

# A sanity check that the service answers the seeded ids, before any number is trusted.
one=$(head -1 "$work/ids")
curl -fsS "http://127.0.0.1:$port/beak/cert/verify?cert_id=$one" | grep -q '"verified":true' ||
  fail "verify did not answer a seeded certificate"

url=http://127.0.0.1:$port
run_wrk() { # mode seconds
  IDS_FILE=$work/ids MODE=$1 wrk -t"$threads" -c"$connections" -d"$2s" --latency -s "$here/verify.lua" "$url" 2>&1
}

say "warming up ($warmup s) ..."
run_wrk post "$warmup" >/dev/null
say "measuring POST /beak/cert/verify ($duration s) ..."
post_out=$(run_wrk post "$duration")
say "measuring GET /beak/cert/verify ($duration s) ..."
get_out=$(run_wrk get "$duration")

say "measuring pgbench, same SELECT by primary key, $pool clients ($duration s) ..."
pg_cmd="$pgbench -n -M prepared -c $pool -j $threads -T $duration -f lookup.sql $db"
pg_out=$(cd "$work" && $pgbench -n -M prepared -c "$pool" -j "$threads" -T "$duration" -f lookup.sql "$db" 2>&1)

rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk -v p="$1" '$1 == p {print $2}'; }
errors() {
  local found
  found=$(awk '/Non-2xx/ {print $5 " non-2xx"} /Socket errors/ {sub(/^ +/, ""); print}' | paste -sd' ')
  printf '%s' "${found:-0}"
}
rss=$(peak_rss_mib "$pid")
post_rps=$(rps <<<"$post_out")
get_rps=$(rps <<<"$get_out")
pg_tps=$(awk '/^tps/ {print $3; exit}' <<<"$pg_out")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f%%", 100 * a / b}'; }

{
  echo "# cert-service: public verify throughput vs the raw PostgreSQL lookup"
  echo
  echo "Produced by \`bench/cert/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, shared with other builds (numbers are noisy;"
  echo "compare the ratio, measured in the same run). $(java -version 2>&1 | head -1), JAVA_OPTS=\`$java_opts\`,"
  echo "$(psql -X -tA -d postgres -c 'select version()' | cut -d, -f1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load generator, service and PostgreSQL all run on this one machine, on 127.0.0.1."
  echo
  echo "$certs seeded ISSUED certificates; each request picks one at random. Warm-up: $warmup s of POST."
  echo
  echo "| what | command | throughput | p50 | p99 | errors |"
  echo "|---|---|---|---|---|---|"
  echo "| POST /beak/cert/verify | \`MODE=post wrk -t$threads -c$connections -d${duration}s --latency -s bench/cert/verify.lua\` | $post_rps req/s | $(lat 50% <<<"$post_out") | $(lat 99% <<<"$post_out") | $(errors <<<"$post_out") |"
  echo "| GET /beak/cert/verify?cert_id= | \`MODE=get wrk ...\` (same) | $get_rps req/s | $(lat 50% <<<"$get_out") | $(lat 99% <<<"$get_out") | $(errors <<<"$get_out") |"
  echo "| the same SELECT in PostgreSQL | \`$pg_cmd\` | $pg_tps tps | $(awk '/latency average/ {print $4 " " $5 " (avg)"}' <<<"$pg_out") | | |"
  echo
  echo "Ratio, service / raw lookup: POST $(ratio "$post_rps" "$pg_tps"), GET $(ratio "$get_rps" "$pg_tps")."
  echo
  echo "Peak resident memory of cert-service over the whole run (VmHWM): $rss MiB"
  echo "with this bench's JAVA_OPTS (bench/memory measures the pods' settings and limits)."
  echo
  echo "The raw lookup is the ceiling: pgbench sends one prepared SELECT per transaction and does"
  echo "nothing with the row. Each verify request adds HTTP parsing, routing, the request-id filter,"
  echo "JSON in and out and the name masking, all sharing the same cores with wrk and PostgreSQL;"
  echo "its database work is the same single prepared SELECT by primary key (no session, no"
  echo "transaction, see CertificateRepository.read)."
  echo
  echo "<details><summary>raw output</summary>"
  echo
  echo '```'
  echo "$post_out"
  echo
  echo "$get_out"
  echo
  echo "$pg_out"
  echo '```'
  echo
  echo "</details>"
} >"$here/RESULTS.md"
sed -n '1,20p' "$here/RESULTS.md"

#!/usr/bin/env bash
# Public verify throughput of cert-service against the raw PostgreSQL lookup it wraps.
#
# Seeds CERTS certificates (default 10,000) into a throw-away database, starts the cert-service
# JVM build on 127.0.0.1:$PORT against it (with a throw-away credential key pair), warms both
# methods up, then measures in ROUNDS rounds, each with wrk:
#   POST /beak/cert/verify {"cert_id", "action":"verify"}  and  GET /beak/cert/verify?cert_id=
# for random seeded ids, and with pgbench the same SELECT by primary key (lookup.sql) at the
# service's pool size, and the service's CPU time per request. Writes RESULTS.md beside this
# script. Everything stays on 127.0.0.1.
#
#   bench/cert/run.sh                      (after ./mvnw package -DskipTests, or it builds)
#   DURATION=20 ROUNDS=5 WARMUP=60 CONNECTIONS=64 bench/cert/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

certs=${CERTS:-10000}
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-40}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-18082}
pool=20 # quarkus.datasource.reactive.max-size, the service's connections to PostgreSQL
db=sdbench_cert
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
jar=cert-service/target/quarkus-app/quarkus-run.jar

require_bench "$port"
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
if [[ -z $pgbench ]]; then
  require_tool pgbench postgresql-contrib
  pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
  [[ -n $pgbench ]] || fail "pgbench is needed: apt-get install postgresql-contrib."
fi
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests -pl cert-service -am

work=$(mktemp -d)
use_dev_credential_keys "$work/keys"
cleanup() {
  stop_services
  drop_database "$db"
  rm -rf "$work"
}
trap cleanup EXIT

fresh_database "$db"

say "starting cert-service on 127.0.0.1:$port ..."
start_service cert-service "$port" "$jar" "$work/service.log" \
  SPACEDUCK_DATABASE="$db" SPACEDUCK_EVENTS_STREAM=sdbench:cert:events
pid=$service_pid

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

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)

# Warm-up alternates both methods, so neither is measured while the JIT is still compiling its path.
say "warming up ($warmup s, POST and GET alternating) ..."
for ((i = 0; i < 4; i++)); do
  run_wrk post $((warmup / 4)) >/dev/null
  run_wrk get $((warmup / 4)) >/dev/null
done

rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk -v p="$1" '$1 == p {print $2}'; }
count() { awk '/requests in/ {print $1}'; }
errors() {
  local found
  found=$(awk '/Non-2xx/ {print $5 " non-2xx"} /Socket errors/ {sub(/^ +/, ""); print}' | paste -sd' ')
  printf '%s' "${found:-0}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", 100 * a / b}'; }
per_request() { awk -v t="$1" -v n="$2" -v hz="$ticks_per_s" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}'; }

pg_cmd="$pgbench -n -M prepared -c $pool -j $threads -T $duration -f lookup.sql $db"
rows=()
raw=()
post_ratios=()
get_ratios=()
# Rounds interleave POST, GET and pgbench, so each round's ratios share the machine's load.
for ((round = 1; round <= rounds; round++)); do
  say "round $round/$rounds: POST, GET, pgbench ($duration s each) ..."
  before=$(cpu_ticks)
  post_out=$(run_wrk post "$duration")
  middle=$(cpu_ticks)
  get_out=$(run_wrk get "$duration")
  after=$(cpu_ticks)
  pg_out=$(cd "$work" && $pgbench -n -M prepared -c "$pool" -j "$threads" -T "$duration" -f lookup.sql "$db" 2>&1)
  post_rps=$(rps <<<"$post_out")
  get_rps=$(rps <<<"$get_out")
  pg_tps=$(awk '/^tps/ {printf "%.0f", $3; exit}' <<<"$pg_out")
  post_ratios+=("$(ratio "$post_rps" "$pg_tps")")
  get_ratios+=("$(ratio "$get_rps" "$pg_tps")")
  rows+=("| $round | $post_rps | $(lat 50% <<<"$post_out") / $(lat 99% <<<"$post_out") | $(per_request $((middle - before)) "$(count <<<"$post_out")") µs | $(errors <<<"$post_out") | $get_rps | $(lat 50% <<<"$get_out") / $(lat 99% <<<"$get_out") | $(per_request $((after - middle)) "$(count <<<"$get_out")") µs | $(errors <<<"$get_out") | $pg_tps | ${post_ratios[-1]}% | ${get_ratios[-1]}% |")
  raw+=("round $round" "$post_out" "" "$get_out" "" "$pg_out" "")
done
rss=$(peak_rss_mib "$pid")
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

{
  echo "# cert-service: public verify throughput vs the raw PostgreSQL lookup"
  echo
  echo "Produced by \`bench/cert/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, shared with other builds (numbers are noisy;"
  echo "compare the ratios, measured in the same round). $(java -version 2>&1 | head -1), JAVA_OPTS=\`$java_opts\`,"
  echo "$(psql -X -tA -d postgres -c 'select version()' | cut -d, -f1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load generator, service and PostgreSQL all run on this one machine, on 127.0.0.1."
  echo "Load average when the rounds ended: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "$certs seeded ISSUED certificates; each request picks one at random. Warm-up: $warmup s, POST and"
  echo "GET alternating. Then $rounds rounds of: POST verify, GET verify, pgbench, $duration s each."
  echo
  echo "- POST: \`MODE=post wrk -t$threads -c$connections -d${duration}s --latency -s bench/cert/verify.lua\` (\`{\"cert_id\",\"action\":\"verify\"}\`)"
  echo "- GET: \`MODE=get wrk ...\` (same), \`/beak/cert/verify?cert_id=\`"
  echo "- pgbench: \`$pg_cmd\` (the same SELECT by primary key, at the service's pool size)"
  echo "- CPU/request: the service process's user + system CPU time over the run divided by its requests"
  echo
  echo "| round | POST req/s | POST p50 / p99 | POST CPU/request | POST errors | GET req/s | GET p50 / p99 | GET CPU/request | GET errors | pgbench tps | POST / pgbench | GET / pgbench |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Median ratio over the rounds, service / raw lookup: POST $(median "${post_ratios[@]}")%, GET $(median "${get_ratios[@]}")%."
  echo
  echo "Peak resident memory of cert-service over the whole run (VmHWM): $rss MiB"
  echo "with this bench's JAVA_OPTS (bench/memory measures the pods' settings and limits)."
  echo
  echo "The raw lookup is the ceiling: pgbench sends one prepared SELECT per transaction and does"
  echo "nothing with the row. Each verify request adds an HTTP exchange with wrk, the request-id"
  echo "filter, JSON in and out and the name masking, all sharing the same two cores with wrk and"
  echo "PostgreSQL; its database work is the same single prepared SELECT by primary key (no session,"
  echo "no transaction, see CertificateRepository.read). Both methods are served by VerifyRoute, a"
  echo "Vert.x route ahead of the REST layer."
  echo
  echo "<details><summary>raw output</summary>"
  echo
  echo '```'
  printf '%s\n' "${raw[@]}"
  echo '```'
  echo
  echo "</details>"
} >"$here/RESULTS.md"
sed -n '1,30p' "$here/RESULTS.md"

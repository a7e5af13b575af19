#!/usr/bin/env bash
# identity-service throughput on this machine: sign-ups/s and sign-ins/s with the production
# Argon2id parameters, and Beak-Key-authenticated GET /beak/me per second (with sd_token for
# comparison). Starts the JVM build on 127.0.0.1:$PORT against a throw-away database (dropped at
# the end) and its own event stream, drives it with wrk for $DURATION per scenario, and writes
# RESULTS.md beside this script.
#
# Besides requests/s it reports the service's own CPU time per request (user + system, from
# /proc/<pid>/stat over the scenario): on a shared machine it moves less with the load of other
# processes than requests/s does, so it compares two builds more closely.
#
#   bench/identity/run.sh                  (builds identity-service first if needed)
#   DURATION=10s CONNECTIONS=16 bench/identity/run.sh
#   APP=/other/checkout/identity-service/target/quarkus-app bench/identity/run.sh
#                                          (another package, for a before/after; RESULTS=FILE
#                                          writes elsewhere than RESULTS.md)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

port=${PORT:-18081}
duration=${DURATION:-15s}
hash_connections=${HASH_CONNECTIONS:-8}
connections=${CONNECTIONS:-32}
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
base=http://127.0.0.1:$port
jar=${APP:-identity-service/target/quarkus-app}/quarkus-run.jar
results=${RESULTS:-$here/RESULTS.md}

require_bench "$port"
[[ -f $jar || -n ${APP:-} ]] || ./mvnw -B -q -pl identity-service -am package -DskipTests
[[ -f $jar ]] || fail "no $jar"

work=$(mktemp -d)
database=identity_bench_$(date +%s)
cleanup() {
  stop_services
  drop_database "$database"
  rm -rf "$work"
}
trap cleanup EXIT

use_dev_jwt_keys "$work/jwt"
fresh_database "$database"

say "starting identity-service on $base ..."
start_service identity-service "$port" "$jar" "$work/service.log" SPACEDUCK_DATABASE="$database" \
  SPACEDUCK_EVENTS_STREAM="bench:$database:events" QUARKUS_LOG_CONSOLE_LEVEL=WARN
pid=$service_pid

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
email="bench-signin-$(date +%s)@bench.test"
token=$(sign_up_and_in "$base" "$email")
key=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"name":"bench"}' "$base/beak/keys" | json key)
[[ $key == bk_live_* ]] || fail "could not create a Beak Key"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; } # the service's user + system time
clock_ticks=$(getconf CLK_TCK)
# wrk prints "Requests/sec: N" and "Latency avg stdev max"; keep the numbers we report.
run() { # name connections script path [VAR=value...]
  local name=$1 conns=$2 script=$3 path=$4 before
  shift 4
  say "  $name: wrk -t2 -c$conns -d$duration $path ..."
  before=$(cpu_ticks)
  env "$@" wrk -t2 -c"$conns" -d"$duration" --latency -s "$here/$script" "$base$path" >"$work/$name.txt" 2>&1
  cpu[$name]=$(awk -v t="$(($(cpu_ticks) - before))" -v hz="$clock_ticks" \
    '/ requests in / {printf "%.3f", t * 1000 / hz / $1}' "$work/$name.txt")
  rps[$name]=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p50[$name]=$(awk '$1 == "50%" {print $2}' "$work/$name.txt")
  p99[$name]=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
  bad[$name]=$(sed -n 's/^non2xx=//p' "$work/$name.txt")
}
declare -A rps p50 p99 bad cpu
# Warm the JIT on the request paths before measuring anything.
BENCH_CREDENTIAL=$key wrk -t2 -c8 -d5s -s "$here/me.lua" "$base/beak/me" >/dev/null 2>&1 || true
BENCH_EMAIL=$email wrk -t1 -c2 -d3s -s "$here/signin.lua" "$base/beak/signin" >/dev/null 2>&1 || true
run signup "$hash_connections" signup.lua /beak/signup
run signin "$hash_connections" signin.lua /beak/signin BENCH_EMAIL="$email"
run me_key "$connections" me.lua /beak/me BENCH_CREDENTIAL="$key"
run me_token "$connections" me.lua /beak/me BENCH_CREDENTIAL="$token"

rss=$(peak_rss_mib "$pid")

cores=$(nproc)
per_core() { awk -v r="$1" -v c="$cores" 'BEGIN {printf "%.1f", r / c}'; }
{
  echo "# identity-service throughput"
  echo
  echo "Produced by \`bench/identity/run.sh\`${APP:+ (APP=$APP)} on $(date -u +%Y-%m-%d), $(nproc) cores"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1),"
  echo "JAVA_OPTS=\`$java_opts\`, local PostgreSQL and Redis, wrk on the same machine (2 threads,"
  echo "$duration per scenario). Password hashing: Argon2id with the production defaults"
  echo "(m=19456 KiB, t=2, p=1; one hashing thread per core). Per core = requests/s divided by"
  echo "$cores cores, which the service shares with wrk, PostgreSQL and Redis."
  echo
  echo "| scenario | connections | requests/s | per core | service CPU per request, ms | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| POST /beak/signup (Argon2id hash + insert + outbox) | $hash_connections | ${rps[signup]} | $(per_core "${rps[signup]}") | ${cpu[signup]} | ${p50[signup]} | ${p99[signup]} | ${bad[signup]} |"
  echo "| POST /beak/signin (Argon2id verify + RS256 sign) | $hash_connections | ${rps[signin]} | $(per_core "${rps[signin]}") | ${cpu[signin]} | ${p50[signin]} | ${p99[signin]} | ${bad[signin]} |"
  echo "| GET /beak/me with a Beak Key | $connections | ${rps[me_key]} | $(per_core "${rps[me_key]}") | ${cpu[me_key]} | ${p50[me_key]} | ${p99[me_key]} | ${bad[me_key]} |"
  echo "| GET /beak/me with an sd_token | $connections | ${rps[me_token]} | $(per_core "${rps[me_token]}") | ${cpu[me_token]} | ${p50[me_token]} | ${p99[me_token]} | ${bad[me_token]} |"
  echo
  echo "Peak resident memory of the service over the whole run (VmHWM): $rss MiB"
  echo "with this bench's JAVA_OPTS (bench/memory measures the pods' settings and limits)."
  echo
  echo "Raw wrk output of this run:"
  echo
  for name in signup signin me_key me_token; do
    echo "\`\`\`"
    echo "# $name"
    grep -v '^non2xx' "$work/$name.txt"
    echo "\`\`\`"
  done
} >"$results"
say "wrote $results"

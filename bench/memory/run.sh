#!/usr/bin/env bash
# Resident memory of the four services under load, with the JVM settings of the Kubernetes
# manifests: each JVM gets JAVA_TOOL_OPTIONS and MALLOC_ARENA_MAX exactly as
# deploy/k8s/base/kustomization.yaml sets them, and -XX:MaxRAM set to its pod's memory limit
# (from deploy/k8s/base/<service>.yaml), so heap sizing follows the limit as it does in a pod,
# and -XX:ActiveProcessorCount set to its CPU limit, so the JVM sizes its thread pools, JIT
# compiler threads and Argon2id's hashing pool for the CPU it has in a pod. The JDK is the
# image's (deploy/docker/Dockerfile.jvm): $JAVA_HOME, default the JDK 25 in /usr/lib/jvm if
# present, else `java`; a service whose target/quarkus-app holds an AOT cache (app.aot,
# `./mvnw package -Daot` on JDK 25) runs with it and the options the image adds to the pods'
# (ENTRYPOINT of deploy/docker/Dockerfile.jvm), as the image does. EXTRA_JAVA_OPTIONS are
# appended to every JVM's options (for trying a setting before it goes into the manifests;
# RESULTS.md names them).
# All four run together on 127.0.0.1 against throw-away databases (dropped at the end); wrk
# drives them through the gateway: sign-ups, GET /beak/me, POST /beak/cert/verify and
# GET /beak/cert/view, $DURATION each. Writes RESULTS.md beside this script: RSS when ready,
# peak RSS (VmHWM) and the headroom left under the limit.
#
#   bench/memory/run.sh                    (builds first if needed)
#   DURATION=30s bench/memory/run.sh
#   JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 bench/memory/run.sh   (another JDK)
#   APPS=bench/startup/.work/full-25 bench/memory/run.sh   (the packages in $APPS/<service>:
#                                          those bench/startup/run.sh trained as the image does)
#   EXTRA_JAVA_OPTIONS=-XX:TieredStopAtLevel=1 bench/memory/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

duration=${DURATION:-15s}
k8s=deploy/k8s/base
services=(identity-service:18181 cert-service:18182 sync-service:18183 gateway:18180)
gateway=http://127.0.0.1:18180

if [[ -z ${JAVA_HOME:-} && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
require_java
require_postgres
require_redis
for entry in "${services[@]}"; do
  ! port_open 127.0.0.1 "${entry#*:}" || fail "Port ${entry#*:} is taken."
done
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk ..."
  apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for entry in "${services[@]}"; do
  [[ -f ${entry%%:*}/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests
done

# The options the image's ENTRYPOINT adds for its AOT cache (deploy/docker/Dockerfile.jvm).
image_options=$(sed -n 's/^ENTRYPOINT .*"-XX:AOTCache=app.aot", \(.*\), "-Djava.util.logging.*/\1/p' deploy/docker/Dockerfile.jvm | tr -d '",')
extra=${EXTRA_JAVA_OPTIONS:-}
# The pod's JVM settings, verbatim from the manifests.
tool_options=$(sed -n 's/^ *- JAVA_TOOL_OPTIONS=//p' "$k8s/kustomization.yaml")
arena_max=$(sed -n 's/^ *- MALLOC_ARENA_MAX=//p' "$k8s/kustomization.yaml")
[[ -n $tool_options ]] || fail "no JAVA_TOOL_OPTIONS in $k8s/kustomization.yaml"
limit_mib() { # the memory limit of a service's container, in MiB
  awk '/^      containers:/ {c = 1} c && /limits:/ {l = 1} c && l && /memory:/ {sub(/Mi/, "", $2); print $2; exit}' "$k8s/$1.yaml"
}
cpu_limit() { # the CPU limit of a service's container, in whole CPUs (at least 1)
  awk '/^      containers:/ {c = 1} c && /limits:/ {l = 1} c && l && /cpu:/ {gsub(/"/, "", $2); v = ($2 ~ /m$/) ? substr($2, 1, length($2) - 1) / 1000 : $2; print (v < 1) ? 1 : int(v + 0.999); exit}' "$k8s/$1.yaml"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
tag=mem_$(date +%s)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for db in identity cert sync; do
    psql -X -q -d postgres -c "drop database if exists ${tag}_$db with (force)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
for db in identity cert sync; do
  psql -X -q -d postgres -c "create database ${tag}_$db" >/dev/null
done
use_dev_jwt_keys "$work/jwt" >/dev/null
use_dev_credential_keys "$work/jwt"

declare -A pid_of ready_rss limit cpus
for entry in "${services[@]}"; do
  name=${entry%%:*} port=${entry#*:}
  limit[$name]=$(limit_mib "$name")
  cpus[$name]=$(cpu_limit "$name")
  db=${name%-service}
  app=$root/$name/target/quarkus-app
  [[ -z ${APPS:-} ]] || app=$(cd "$APPS" && pwd)/$name
  aot=()
  # shellcheck disable=SC2206
  [[ -f $app/app.aot ]] && aot=(-XX:AOTCache=app.aot $image_options)
  # Migrated first by the package's own migrator, as the pod's init container does.
  migrate_service "$app" SPACEDUCK_DATABASE="${tag}_$db" >"$work/$name-migrate.log" 2>&1 ||
    { cat "$work/$name-migrate.log" >&2; fail "$name: its migrations failed"; }
  say "starting $name on $port (limit ${limit[$name]} MiB, ${cpus[$name]} CPU${aot:+, AOT cache}) ..."
  (cd "$app" && exec env MALLOC_ARENA_MAX="${arena_max:-}" \
    JAVA_TOOL_OPTIONS="$tool_options -XX:MaxRAM=${limit[$name]}m -XX:ActiveProcessorCount=${cpus[$name]}${extra:+ $extra}" \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" QUARKUS_LOG_CONSOLE_LEVEL=WARN SPACEDUCK_DATABASE="${tag}_$db" \
    SPACEDUCK_EVENTS_STREAM="bench:$tag:events" \
    SPACEDUCK_GATEWAY_UPSTREAMS_IDENTITY=http://127.0.0.1:18181 \
    SPACEDUCK_GATEWAY_UPSTREAMS_CERT=http://127.0.0.1:18182 \
    SPACEDUCK_GATEWAY_UPSTREAMS_SYNC=http://127.0.0.1:18183 \
    SPACEDUCK_GATEWAY_STATUS_READINESS_IDENTITY=http://127.0.0.1:19181/q/health/ready \
    SPACEDUCK_GATEWAY_STATUS_READINESS_CERT=http://127.0.0.1:19182/q/health/ready \
    SPACEDUCK_GATEWAY_STATUS_READINESS_SYNC=http://127.0.0.1:19183/q/health/ready \
    SPACEDUCK_GATEWAY_RATE_LIMITS_KEY_PREFIX="bench:$tag:" \
    "$java" "${aot[@]}" -Dspaceduck.gateway.rate-limits.groups.signup.limit=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.signup.burst=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.beak.limit=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.beak.burst=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.cert-verify.limit=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.cert-verify.burst=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.cert-view.limit=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.cert-view.burst=50000000 \
    -jar quarkus-run.jar) >"$work/$name.log" 2>&1 &
  pid_of[$name]=$!
  pids+=($!)
  wait_ready "http://127.0.0.1:$(management_port "$port")" "${pid_of[$name]}" "$work/$name.log" "$name"
  ready_rss[$name]=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/${pid_of[$name]}/status")
done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
token=$(sign_up_and_in "$gateway" "mem-$tag@bench.test")
cert_id=
for _ in $(seq 1 60); do
  cert_id=$(curl -fsS -H "Authorization: Bearer $token" "$gateway/beak/cert/view" 2>/dev/null | json cert_id || true)
  [[ -n $cert_id ]] && break
  sleep 0.5
done
[[ -n $cert_id ]] || fail "no certificate was issued for the bench duckling"

declare -A rps bad
run() { # name connections script path [VAR=value...]
  local name=$1 conns=$2 script=$3 path=$4
  shift 4
  say "  $name: wrk -t2 -c$conns -d$duration $path ..."
  env "$@" wrk -t2 -c"$conns" -d"$duration" -s "$script" "$gateway$path" >"$work/$name.txt" 2>&1
  rps[$name]=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  bad[$name]=$(sed -n 's/^non2xx=//p' "$work/$name.txt")
}
say "load through the gateway ..."
run signup 8 bench/identity/signup.lua /beak/signup
run me 32 bench/identity/me.lua /beak/me BENCH_CREDENTIAL="$token"
run verify 32 "$here/verify.lua" /beak/cert/verify CERT_ID="$cert_id"
run view 32 bench/identity/me.lua /beak/cert/view BENCH_CREDENTIAL="$token"

{
  echo "# Resident memory under load, with the pods' JVM settings"
  echo
  echo "Produced by \`bench/memory/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $("$java" -version 2>&1 | head -1)."
  echo "Load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Every JVM: \`JAVA_TOOL_OPTIONS=$tool_options -XX:MaxRAM=<its limit> -XX:ActiveProcessorCount=<its CPU limit>\`,"
  aot_note=
  [[ -f ${APPS:-identity-service/target/quarkus-app}${APPS:+/identity-service}/app.aot ]] &&
    aot_note=", \`-XX:AOTCache=app.aot $image_options\` (the image's AOT cache and options, packages from ${APPS:-target/quarkus-app})"
  [[ -z $extra ]] || aot_note+=", plus \`$extra\` (EXTRA_JAVA_OPTIONS, not in the manifests)"
  echo "\`MALLOC_ARENA_MAX=${arena_max:-unset}\` (from deploy/k8s/base)$aot_note."
  echo "All four services and wrk share the machine; load goes through the gateway."
  echo
  echo "| load, $duration each | connections | requests/s | non-2xx |"
  echo "|---|---|---|---|"
  echo "| POST /beak/signup (Argon2id) | 8 | ${rps[signup]} | ${bad[signup]} |"
  echo "| GET /beak/me (sd_token) | 32 | ${rps[me]} | ${bad[me]} |"
  echo "| POST /beak/cert/verify | 32 | ${rps[verify]} | ${bad[verify]} |"
  echo "| GET /beak/cert/view (sd_token) | 32 | ${rps[view]} | ${bad[view]} |"
  echo
  echo "| service | memory limit, MiB | RSS when ready, MiB | peak RSS under load, MiB | headroom under the limit |"
  echo "|---|---|---|---|---|"
  for entry in "${services[@]}"; do
    name=${entry%%:*}
    peak=$(peak_rss_mib "${pid_of[$name]}")
    echo "| $name | ${limit[$name]} | ${ready_rss[$name]} | $peak | $(awk -v l="${limit[$name]}" -v p="$peak" 'BEGIN {printf "%d MiB (%d%%)", l - p, 100 * (l - p) / l}') |"
  done
  echo
  echo "sync-service has no API traffic yet (only readiness checks and its event consumer)."
  echo "Target (DESIGN.md): RSS under load <= 256 MiB per JVM. What the numbers mean: README.md."
} >"$here/RESULTS.md"
cat "$here/RESULTS.md"

#!/usr/bin/env bash
# Where a service's start-up time goes, in the image's configuration (JDK 25, AOT cache, the
# pods' JVM settings, no Flyway at start). Runs after bench/startup/run.sh has built its
# variants. For each service: one start with Java Flight Recorder (execution samples every
# 10 ms, from launch until /q/health/ready answers 200), the samples grouped by what their
# stack is doing; and one start with -Xlog:class+load, counting the classes loaded before
# ready and how many came from the AOT cache. Prints Markdown (README.md quotes it).
#
#   bench/startup/profile.sh                    (all four services)
#   SERVICES=identity-service VARIANT=pod-25 bench/startup/profile.sh
#   VARIANT=full-25 bench/startup/profile.sh    (the image's cache, trained by deploy/docker/train.sh)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

services=(${SERVICES:-gateway identity-service cert-service sync-service})
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
variant=${VARIANT:-aot-25}
port=${PORT:-18090}
work=$here/.work
k8s=$root/deploy/k8s/base
[[ -d $work/$variant ]] || fail "run bench/startup/run.sh first (no $work/$variant)"
tool_options=$(sed -n 's/^ *- JAVA_TOOL_OPTIONS=//p' "$k8s/kustomization.yaml")
arena_max=$(sed -n 's/^ *- MALLOC_ARENA_MAX=//p' "$k8s/kustomization.yaml")
limit_mib() { # the memory limit of a service's container, in MiB (the floor: identity's)
  [[ $1 == floor* ]] && set -- identity-service
  awk '/^      containers:/ {c = 1} c && /limits:/ {l = 1} c && l && /memory:/ {sub(/Mi/, "", $2); print $2; exit}' "$k8s/$1.yaml"
}
# The options the image adds to the pods' (ENTRYPOINT of deploy/docker/Dockerfile.jvm); the
# full-25 variant's cache was recorded with them and is refused without them.
image_options=$(sed -n 's/^ENTRYPOINT .*"-XX:AOTCache=app.aot", \(.*\), "-Djava.util.logging.*/\1/p' deploy/docker/Dockerfile.jvm | tr -d '",')
use_dev_jwt_keys "$root/.local/jwt" >/dev/null
use_dev_credential_keys "$root/.local/jwt" >/dev/null

now_ms() { date +%s%3N; }

# start SERVICE EXTRA...: launches, waits for ready, stops; prints the wall time in ms.
start() {
  local s=$1 app=$work/$variant/$1 cache=() pid t0
  shift
  # shellcheck disable=SC2206
  [[ -f $app/app.aot ]] && cache=(-XX:AOTCache=app.aot)
  # shellcheck disable=SC2206
  [[ $variant == full-25 ]] && cache+=($image_options)
  t0=$(now_ms)
  (cd "$app" && exec env JAVA_TOOL_OPTIONS="$tool_options -XX:MaxRAM=$(limit_mib "$s")m" MALLOC_ARENA_MAX="$arena_max" \
    QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
    "$jdk25/bin/java" "${cache[@]}" "$@" -jar quarkus-run.jar) >"$work/profile-$s.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$(management_port "$port")/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/profile-$s.log" >&2; fail "$s exited"; }
    sleep 0.01
  done
  echo $(($(now_ms) - t0))
  kill "$pid" && wait "$pid" 2>/dev/null || true
}

echo "Profile of start-up to ready, variant $variant, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)."
for s in "${services[@]}"; do
  jfr=$work/profile-$s.jfr
  rm -f "$jfr"
  wall=$(start "$s" "-XX:StartFlightRecording=filename=$jfr,dumponexit=true,settings=$here/startup.jfc")
  "$jdk25/bin/jfr" print --events jdk.ExecutionSample --stack-depth 200 "$jfr" >"$work/profile-$s.txt"
  classes=$(start "$s" -Xlog:class+load:file="$work/classes-$s.txt" >/dev/null; wc -l <"$work/classes-$s.txt")
  cached=$(grep -c 'source: shared objects file' "$work/classes-$s.txt" || true)
  echo
  echo "### $s (wall to ready with JFR on: $wall ms; $classes classes loaded, $cached of them from the AOT cache)"
  echo
  python3 "$here/profile.py" "$work/profile-$s.txt"
done

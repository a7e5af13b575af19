#!/usr/bin/env bash
# Start-to-ready time and resident memory of each service's JVM build, in several variants
# side by side (same run, interleaved, so they share the machine's noise):
#
#   before       JDK 17, JAVA_OPTS of the old run script (-Xmx256m -XX:+UseSerialGC): the
#                figure this bench reported before (then with Flyway validating at start,
#                which the services no longer have).
#   pod-17       JDK 17 with the pods' settings: JAVA_TOOL_OPTIONS and MALLOC_ARENA_MAX from
#                deploy/k8s/base, -XX:MaxRAM=<the container's limit>, no Flyway at start
#                (an init container migrates; since the migrator moved out of the services,
#                platform-migrations, they have no Flyway at all).
#   appcds-17    pod-17 plus the AppCDS archive Quarkus writes at package time
#                (-Dappcds: quarkus.package.jar.appcds.enabled, built with JDK 17).
#   pod-25       pod settings on JDK 25 ($JDK25, Temurin), no archive.
#   aot-25       pod-25 plus the AOT cache (JEP 483/514/515) Quarkus writes at package time
#                (-Daot, built with JDK 25): the image's configuration (deploy/docker).
#   trained-25   pod-25 plus an AOT cache recorded by this script from a full training run
#                (launch, ready, a few requests, exit): what a cache trained against a real
#                database and Redis would give.
#   c1-25        aot-25 plus -XX:TieredStopAtLevel=1 (for the record: C1 only costs steady-
#                state speed, so it is not deployed).
#   full-25      the aot-25 package with the AOT cache the image now records
#                (deploy/docker/train.sh: a full start without database or Redis, a few
#                rounds of requests, exit) and the image's options (compact object headers):
#                what the image runs.
#   baseline-25  full-25 of another checkout, for a before/after in one run: BASELINE=<its
#                root>, where `VARIANTS=full-25 bench/startup/run.sh` has built and trained
#                the packages (bench/startup/.work/full-25). Started with
#                QUARKUS_FLYWAY_MIGRATE_AT_START=false, since an older build may still carry
#                Flyway; the databases are migrated already.
#
# SERVICES names `floor` too (by default): a Quarkus application with identity-service's extensions
# and no code (bench/startup/floor, not part of the reactor's build); `floor-nojdbc` (without
# Flyway, the JDBC driver and Agroal) and `floor-noorm` (also without Hibernate Reactive: the
# reactive PostgreSQL client alone) measure what those extensions cost. Each is packaged and trained
# like the services; it runs only the variants aot-25 and full-25 (the others are skipped).
#
# Copies keep the files' times (cp -a): the JDK refuses an AOT cache whose jars have another
# modification time than when it was recorded.
#
# For every service, RUNS rounds; each round launches every variant once: `java -jar
# quarkus-run.jar`, poll /q/health/ready (management port) every 10 ms until 200, record
# wall time from launch, the start-up time Quarkus reports, and the RSS once ready.
# Writes RESULTS.md beside this file (RESULTS=FILE: another file, for a partial run).
#
#   bench/startup/run.sh                 (builds the variants first if needed)
#   RUNS=5 VARIANTS="pod-17 aot-25" bench/startup/run.sh
#   REBUILD=1 bench/startup/run.sh       (rebuild the variants' packages)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

runs=${RUNS:-5}
port=${PORT:-18090}
services=(${SERVICES:-floor gateway identity-service cert-service sync-service})
variants=(${VARIANTS:-before pod-17 appcds-17 pod-25 aot-25 full-25 trained-25 c1-25})
jdk17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$here/.work # ignored: the variants' packages and recorded caches
results=${RESULTS:-$here/RESULTS.md}
k8s=$root/deploy/k8s/base

require_java
require_postgres
require_redis
ensure_databases identity cert sync
use_dev_jwt_keys "$root/.local/jwt"
use_dev_credential_keys "$root/.local/jwt"

tool_options=$(sed -n 's/^ *- JAVA_TOOL_OPTIONS=//p' "$k8s/kustomization.yaml")
arena_max=$(sed -n 's/^ *- MALLOC_ARENA_MAX=//p' "$k8s/kustomization.yaml")
limit_mib() { # the memory limit of a service's container, in MiB (the floor: identity's)
  [[ $1 == floor* ]] && set -- identity-service
  awk '/^      containers:/ {c = 1} c && /limits:/ {l = 1} c && l && /memory:/ {sub(/Mi/, "", $2); print $2; exit}' "$k8s/$1.yaml"
}

# has_all NAME: whether the variant's folder holds every service asked for.
has_all() {
  local s
  for s in "${services[@]}"; do [[ -d $work/$1/$s ]] || return 1; done
}

# package NAME JDK MAVEN-ARGS...: the four services packaged into $work/NAME/<service>.
package() {
  local name=$1 jdk=$2
  shift 2
  [[ -z ${REBUILD:-} && -f $work/$name/ok ]] && has_all "$name" && return
  say "packaging the $name variant (JDK $(basename "$jdk")) ..."
  rm -rf "${work:?}/$name"
  mkdir -p "$work/$name"
  local modules=()
  for s in "${services[@]}"; do [[ $s == floor* ]] || modules+=("$s"); done
  : >"$work/$name.log"
  ((${#modules[@]} == 0)) || JAVA_HOME=$jdk ./mvnw -B -ntp -o -q package -DskipTests -Dspotless.skip "$@" \
    -pl "$(IFS=,; echo "${modules[*]}")" -am >"$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; fail "packaging $name failed"; }
  for s in "${modules[@]}"; do cp -a "$s/target/quarkus-app" "$work/$name/$s"; done
  for s in "${services[@]}"; do
    [[ $s == floor* && $name == aot-25 ]] || continue
    JAVA_HOME=$jdk ./mvnw -B -ntp -o -q package -DskipTests -Dspotless.skip "$@" -f "$here/$s/pom.xml" \
      >>"$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; fail "packaging $s failed"; }
    cp -a "$here/$s/target/quarkus-app" "$work/$name/$s"
  done
  touch "$work/$name/ok"
}

! port_open 127.0.0.1 "$port" && ! port_open 127.0.0.1 "$(management_port "$port")" ||
  fail "Port $port or $(management_port "$port") is taken; set PORT."
pid=
trap '[[ -z $pid ]] || kill "$pid" 2>/dev/null || true' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# launch SERVICE VARIANT [EXTRA-JVM-OPTION...]: starts the variant in the background; sets pid, log.
launch() {
  local s=$1 v=$2 java= app= opts= env_extra=()
  shift 2
  case $v in
    before) java=$jdk17/bin/java app=$work/plain-17/$s opts="-Xmx256m -XX:+UseSerialGC" ;;
    pod-17) java=$jdk17/bin/java app=$work/plain-17/$s ;;
    appcds-17) java=$jdk17/bin/java app=$work/appcds-17/$s opts="-XX:SharedArchiveFile=app-cds.jsa" ;;
    pod-25) java=$jdk25/bin/java app=$work/plain-17/$s ;;
    aot-25) java=$jdk25/bin/java app=$work/aot-25/$s opts="-XX:AOTCache=app.aot" ;;
    trained-25) java=$jdk25/bin/java app=$work/trained-25/$s opts="-XX:AOTCache=app.aot" ;;
    c1-25) java=$jdk25/bin/java app=$work/aot-25/$s opts="-XX:AOTCache=app.aot -XX:TieredStopAtLevel=1" ;;
    full-25) java=$jdk25/bin/java app=$work/full-25/$s opts="-XX:AOTCache=app.aot $image_options" ;;
    baseline-25) java=$jdk25/bin/java app=$baseline/$s opts="-XX:AOTCache=app.aot $image_options" ;;
    *) fail "unknown variant $v" ;;
  esac
  if [[ $v == before ]]; then
    env_extra=(JAVA_TOOL_OPTIONS= MALLOC_ARENA_MAX=)
  else
    env_extra=(JAVA_TOOL_OPTIONS="$tool_options -XX:MaxRAM=$(limit_mib "$s")m" MALLOC_ARENA_MAX="$arena_max")
  fi
  [[ $v != baseline-25 ]] || env_extra+=(QUARKUS_FLYWAY_MIGRATE_AT_START=false)
  log=$(mktemp)
  # shellcheck disable=SC2086
  (cd "$app" && exec env "${env_extra[@]}" QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
    "$java" $opts "$@" -jar quarkus-run.jar) >"$log" 2>&1 &
  pid=$!
}

# wait_up START: polls readiness every 10 ms; prints the wall time in ms.
wait_up() {
  until curl -fsS -o /dev/null "http://127.0.0.1:$(management_port "$port")/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "exited during start-up"; }
    (($(now_ms) - $1 < 180000)) || fail "not ready after 180 s"
    sleep 0.01
  done
  echo $(($(now_ms) - $1))
}

need() { printf '%s\n' "${variants[@]}" | grep -qx "$1"; }
baseline=
if need baseline-25; then
  [[ -n ${BASELINE:-} ]] || fail "baseline-25 needs BASELINE=<another checkout>"
  baseline=$(cd "$BASELINE" && pwd)/bench/startup/.work/full-25
  for s in "${services[@]}"; do
    [[ $s == floor* || -f $baseline/$s/app.aot ]] ||
      fail "no trained $s in $baseline: run VARIANTS=full-25 bench/startup/run.sh in $BASELINE first"
  done
fi
# The options the image gives the JVM on top of the pods' (ENTRYPOINT of deploy/docker/Dockerfile.jvm).
image_options=$(sed -n 's/^ENTRYPOINT .*"-XX:AOTCache=app.aot", \(.*\), "-Djava.util.logging.*/\1/p' deploy/docker/Dockerfile.jvm | tr -d '",')
# The options its training run adds to the image's (the RUN line that calls train.sh).
train_options=$(sed -n 's/.*train.sh app.aot //p' deploy/docker/Dockerfile.jvm)
# The plain package last, so that target/ holds what the other benches expect.
if need appcds-17; then package appcds-17 "$jdk17" -Dappcds; fi
if need aot-25 || need c1-25 || need trained-25 || need full-25; then package aot-25 "$jdk25" -Daot; fi
if need before || need pod-17 || need pod-25; then package plain-17 "$jdk17"; fi
if need trained-25 && [[ -n ${REBUILD:-} || ! -f $work/trained-25/ok ]]; then
  # The aot-jar layout (libraries on the JDK's class path, which the AOT cache can hold),
  # trained by one real start: launch, ready, a few requests, then exit (SIGTERM), when the
  # JVM assembles the cache.
  rm -rf "$work/trained-25" && cp -a "$work/aot-25" "$work/trained-25" && rm "$work/trained-25/ok"
  for s in "${services[@]}"; do
    [[ $s == floor* ]] && continue
    rm -f "$work/trained-25/$s/app.aot"
    say "training $s ..."
    log=$(mktemp)
    # shellcheck disable=SC2086
    (cd "$work/trained-25/$s" && exec env JAVA_TOOL_OPTIONS="$tool_options -XX:MaxRAM=$(limit_mib "$s")m" \
      QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
      "$jdk25/bin/java" -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar) >"$log" 2>&1 &
    pid=$!
    wait_up "$(now_ms)" >/dev/null
    for path in /q/health/ready /q/health/live /q/metrics; do
      curl -fsS -o /dev/null "http://127.0.0.1:$(management_port "$port")$path" || true
    done
    kill "$pid" && wait "$pid" 2>/dev/null || true
    [[ -f $work/trained-25/$s/app.aot ]] || { tail -20 "$log" >&2; fail "no AOT cache recorded for $s"; }
  done
  touch "$work/trained-25/ok"
fi

if need full-25 && { [[ -n ${REBUILD:-} || ! -f $work/full-25/ok ]] || ! has_all full-25; }; then
  # The image's training run (deploy/docker/train.sh), with the image's options, on the aot-25
  # package; no JAVA_TOOL_OPTIONS, as in `docker build`.
  rm -rf "$work/full-25" && cp -a "$work/aot-25" "$work/full-25" && rm "$work/full-25/ok"
  for s in "${services[@]}"; do
    say "training $s as the image does ..."
    # shellcheck disable=SC2086
    (cd "$work/full-25/$s" && JAVA=$jdk25/bin/java QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
      bash "$root/deploy/docker/train.sh" app.aot $train_options) >"$work/full-25-$s.log" 2>&1 ||
      { tail -20 "$work/full-25-$s.log" >&2; fail "no AOT cache recorded for $s"; }
  done
  touch "$work/full-25/ok"
fi

# The dev databases migrated first, by the migrator each service's package ships (as the pods'
# init containers do; a package built before it existed migrates at start-up), then one start
# of each service (warms the page cache).
for s in "${services[@]}"; do
  [[ $s == floor* ]] && continue
  for pkg in plain-17 aot-25; do
    if [[ -d $work/$pkg/$s ]]; then
      MIGRATE_JAVA=$jdk25/bin/java migrate_service "$work/$pkg/$s" >/dev/null || fail "$s: its migrations failed"
      break
    fi
  done
done
for s in "${services[@]}"; do
  [[ $s == floor* ]] && continue
  if need before; then launch "$s" before; else launch "$s" "${variants[0]}"; fi
  wait_up "$(now_ms)" >/dev/null
  kill "$pid" && wait "$pid" 2>/dev/null || true
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A walls reported rss
for s in "${services[@]}"; do
  for r in $(seq 1 "$runs"); do
    for v in "${variants[@]}"; do
      [[ $s == floor* && $v != aot-25 && $v != full-25 ]] && continue
      start=$(now_ms)
      launch "$s" "$v"
      wall=$(wait_up "$start")
      walls[$s/$v]+="$wall "
      rss[$s/$v]+="$(($(ps -o rss= -p "$pid") / 1024)) "
      reported[$s/$v]+="$(grep -oE 'started in [0-9.]+s' "$log" | grep -oE '[0-9.]+' | awk '{print int($1*1000)}') "
      grep -q 'Unable to map shared spaces\|AOT cache .* not used\|cannot use\|CDS archive .* mismatch' "$log" &&
        { grep -i 'aot\|cds\|shared' "$log" | head -3 >&2; fail "$s $v: the archive was rejected"; }
      kill "$pid" && wait "$pid" 2>/dev/null || true
      rm -f "$log"
      say "$s $v run $r: $wall ms"
    done
  done
done

{
  echo "# Start-up: JVM, launch to ready"
  echo
  echo "Produced by \`bench/startup/run.sh\` (RUNS=$runs, variants interleaved) on $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "load average before the runs: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "JDK 17: $("$jdk17/bin/java" -version 2>&1 | head -1). JDK 25: $("$jdk25/bin/java" -version 2>&1 | head -1)."
  echo "Pod settings: \`JAVA_TOOL_OPTIONS=$tool_options -XX:MaxRAM=<limit>\`, \`MALLOC_ARENA_MAX=$arena_max\`"
  echo "(deploy/k8s/base); the databases migrated beforehand (platform-migrations). Variants: see run.sh."
  echo "Wall = launch of \`java -jar\` to the first 200 from \`/q/health/ready\` (JVM boot, Quarkus start,"
  echo "first PostgreSQL health check). Target (issue 16): <= 1000 ms."
  echo
  echo "| service | variant | wall to ready, median ms | Quarkus \"started in\", median ms | RSS when ready, MiB | wall, each run ms |"
  echo "|---|---|---|---|---|---|"
  for s in "${services[@]}"; do
    for v in "${variants[@]}"; do
      [[ -n ${walls[$s/$v]:-} ]] || continue
      # shellcheck disable=SC2086
      echo "| $s | $v | $(printf '%s\n' ${walls[$s/$v]} | median) | $(printf '%s\n' ${reported[$s/$v]} | median) | $(printf '%s\n' ${rss[$s/$v]} | median) | ${walls[$s/$v]% } |"
    done
  done
  echo
  echo "Where the time goes and what was tried: README.md beside this file."
} >"$results.new"
mv "$results.new" "$results"
cat "$results"

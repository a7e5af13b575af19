#!/usr/bin/env bash
# Gateway throughput and latency next to nginx, in one run on this machine.
#
# Five targets, each loaded with the same wrk command against the same tiny upstream (an nginx
# that answers a fixed JSON body):
#   direct        wrk -> upstream
#   nginx         wrk -> nginx reverse proxy (keep-alive upstream) -> upstream
#   bare Vert.x   wrk -> BareProxy.java, the least a Vert.x server + client proxy can do
#   library       wrk -> LibraryProxy.java bare: io.vertx:vertx-http-proxy as it comes, same settings
#   library+rules wrk -> LibraryProxy.java rules: the library plus the gateway's header rules as an
#                 interceptor
#   gateway+rl    wrk -> gateway, Redis token-bucket limiter on (limits too high to trigger)
#   gateway       wrk -> gateway, limiter off
#   gateway+key   wrk -> gateway+rl, with a Beak Key on a path keyed by principal: the key's bucket
#                 and its address's keys-per-ip bucket
# With BASELINE=<another build's quarkus-app directory>, that build runs beside this one with the
# limiter on and takes the same two loads (baseline+rl, baseline+key), so a change can be compared
# with the build before it in one run.
# The JVMs start together and are warmed up first (the JIT keeps compiling for about 45 s under
# this load on 2 cores); then ROUNDS rounds load nginx and the proxies in turn (every other round in
# reverse order), and the table gives each target's median, so that a busy moment of the shared
# machine hits all of them alike.
# Writes RESULTS.md beside this script.
#
#   bench/gateway/run.sh      (DURATION=10s ROUNDS=3 WARMUP=45s CONNECTIONS=64 THREADS=2 by default)
#   BASELINE=/tmp/before/gateway/target/quarkus-app bench/gateway/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-45s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
path=/beak/metrics
# A Beak Key of the issued shape (no service checks it here) on a path of the principal-keyed group.
key_path=/beak/keys
key_header="Authorization: Bearer bk_live_benchbenchbenchbenchbenchbench"
baseline=${BASELINE:-}
baseline_port=18193
upstream_port=18181
nginx_port=18180
gateway_port=18190
gateway_off_port=18191
bare_port=18192
library_port=18194
library_rules_port=18195
# The JVM options of the deployed image (run-java.sh picks the parallel collector).
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC}

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx
require_java
require_redis
[[ -f gateway/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q package -DskipTests -pl gateway -am

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/logs"
cat >"$work/upstream.conf" <<CONF
worker_processes 1;
pid $work/upstream.pid;
error_log $work/logs/upstream-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$upstream_port;
    location / { default_type application/json; return 200 '{"registered":42,"certified":7}'; }
  }
}
CONF
cat >"$work/proxy.conf" <<CONF
worker_processes auto;
pid $work/proxy.pid;
error_log $work/logs/proxy-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$upstream_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -c "$work/upstream.conf" -p "$work" -g 'daemon off;' &
pids+=($!)
nginx -c "$work/proxy.conf" -p "$work" -g 'daemon off;' &
pids+=($!)

# wait_ready URL LOG NAME [OTHER_URL]: ready once either URL answers 2xx.
wait_ready() {
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    [[ -n ${4:-} ]] && curl -fsS -o /dev/null "$4" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$2" >&2
  fail "$3 did not start"
}

# The JVM behind each target, for its CPU time per request.
declare -A target_pid

# start_gateway NAME LIMITER PORT APP_DIR [EXTRA_OPTS...]: limits too high to trigger.
start_gateway() {
  local name=$1 limiter=$2 port=$3 app=$4
  shift 4
  # shellcheck disable=SC2086
  java $java_opts \
    -Dquarkus.http.port="$port" \
    -Dquarkus.management.port="$((port + 1000))" \
    -Dspaceduck.gateway.upstreams.identity=http://127.0.0.1:$upstream_port \
    -Dspaceduck.gateway.rate-limits.enabled="$limiter" \
    -Dspaceduck.gateway.rate-limits.groups.metrics.limit=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.metrics.burst=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.beak.limit=50000000 \
    -Dspaceduck.gateway.rate-limits.groups.beak.burst=50000000 \
    -Dspaceduck.gateway.rate-limits.key-prefix="bench:$name:$(date +%s):" \
    "$@" \
    -jar "$app/quarkus-run.jar" \
    >"$work/logs/$name.log" 2>&1 &
  pids+=($!)
  target_pid[$name]=$!
  # Builds from before the management interface answer health on the API port.
  wait_ready "http://127.0.0.1:$((port + 1000))/q/health/ready" "$work/logs/$name.log" "$name" \
    "http://127.0.0.1:$port/q/health/ready"
}

start_bare() {
  local classpath
  classpath=$(find gateway/target/quarkus-app/lib/main -name '*.jar' | tr '\n' ':')
  # shellcheck disable=SC2086
  java $java_opts -cp "$classpath" "$here/BareProxy.java" $bare_port $upstream_port \
    >"$work/logs/bare.log" 2>&1 &
  pids+=($!)
  target_pid[bare]=$!
  wait_ready "http://127.0.0.1:$bare_port$path" "$work/logs/bare.log" "the bare Vert.x proxy"
}

# start_library NAME PORT MODE: LibraryProxy.java on the gateway's jars plus vertx-http-proxy of the
# same Vert.x version.
start_library() {
  local name=$1 port=$2 mode=$3 classpath vertx_version
  vertx_version=$(find gateway/target/quarkus-app/lib/main -name 'io.vertx.vertx-core-*.jar' | sed -E 's/.*vertx-core-(.*)\.jar/\1/')
  if [[ ! -f "$work/vertx-http-proxy.jar" ]]; then
    ./mvnw -B -q -ntp dependency:copy -Dartifact="io.vertx:vertx-http-proxy:$vertx_version" \
      -DoutputDirectory="$work" -Dmdep.stripVersion=true >/dev/null
  fi
  classpath=$(find gateway/target/quarkus-app/lib/main -name '*.jar' | tr '\n' ':')$work/vertx-http-proxy.jar
  # shellcheck disable=SC2086
  java $java_opts -cp "$classpath" "$here/LibraryProxy.java" "$port" $upstream_port "$mode" \
    >"$work/logs/$name.log" 2>&1 &
  pids+=($!)
  target_pid[$name]=$!
  wait_ready "http://127.0.0.1:$port$path" "$work/logs/$name.log" "the vertx-http-proxy proxy ($mode)"
}

for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port$path" 2>/dev/null && break; sleep 0.1; done

# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs wrk; prints "requests/s p50 p99 non-2xx cpu" for the URL (and the header, if any), cpu being
# the CPU time of process PID (if given) per request, in µs, or "-".
load() {
  local out before=""
  [[ -n ${3:-} ]] && before=$(cpu_ticks "$3")
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency ${2:+-H "$2"} "$1")
  local cpu="-"
  if [[ -n $before ]]; then
    local ticks requests
    ticks=$(($(cpu_ticks "$3") - before))
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.1f", 1e6 * t / hz / n}')
  fi
  echo "$out" >>"$work/logs/wrk.log"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps $p50 $p99 ${errors:-0} $cpu"
}

# wrk prints latencies as 812.00us, 1.23ms or 1.02s: in ms.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else { print v } }'
}

declare -A urls=(
  [nginx]="http://127.0.0.1:$nginx_port$path"
  [bare]="http://127.0.0.1:$bare_port$path"
  [library]="http://127.0.0.1:$library_port$path"
  [library-rules]="http://127.0.0.1:$library_rules_port$path"
  [gateway-true]="http://127.0.0.1:$gateway_port$path"
  [gateway-false]="http://127.0.0.1:$gateway_off_port$path"
  [gateway-key]="http://127.0.0.1:$gateway_port$key_path"
  [baseline-true]="http://127.0.0.1:$baseline_port$path"
  [baseline-key]="http://127.0.0.1:$baseline_port$key_path"
)
declare -A headers=([gateway-key]="$key_header" [baseline-key]="$key_header")
# The process each target's requests run in (the key loads go to the limiter-on JVMs).
process_of() {
  case $1 in
    gateway-key) echo "${target_pid[gateway-true]:-}" ;;
    baseline-key) echo "${target_pid[baseline-true]:-}" ;;
    *) echo "${target_pid[$1]:-}" ;;
  esac
}
targets=(nginx bare library library-rules gateway-true gateway-false gateway-key)
[[ -n "$baseline" ]] && targets+=(baseline-true baseline-key)
declare -A runs

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "starting the bare Vert.x proxy, the vertx-http-proxy ones and the gateway (limiter on, limiter off) ..."
start_bare
start_library library $library_port bare
start_library library-rules $library_rules_port rules
start_gateway gateway-true true $gateway_port gateway/target/quarkus-app \
  -Dspaceduck.gateway.rate-limits.groups.beak.keys-per-ip.limit=50000000 \
  -Dspaceduck.gateway.rate-limits.groups.beak.keys-per-ip.burst=50000000
start_gateway gateway-false false $gateway_off_port gateway/target/quarkus-app
if [[ -n "$baseline" ]]; then
  say "starting the baseline build from $baseline ..."
  start_gateway baseline-true true $baseline_port "$baseline"
fi
say "direct ..."
runs[direct]=$(load "http://127.0.0.1:$upstream_port$path")
for target in "${targets[@]}"; do
  say "warming up $target for $warmup ..."
  wrk -t"$threads" -c"$connections" -d"$warmup" ${headers[$target]:+-H "${headers[$target]}"} "${urls[$target]}" >/dev/null
done
for round in $(seq 1 "$rounds"); do
  # Every other round runs the targets in reverse, so that no target always follows the same one
  # (a busy stretch of the shared machine then hits both ends alike).
  order=("${targets[@]}")
  if ((round % 2 == 0)); then
    order=()
    for ((i = ${#targets[@]} - 1; i >= 0; i--)); do order+=("${targets[i]}"); done
  fi
  for target in "${order[@]}"; do
    say "round $round/$rounds: $target ..."
    runs[$target]+="$(load "${urls[$target]}" "${headers[$target]:-}" "$(process_of "$target")")"$'\n'
  done
done

# The median of each column over the rounds.
declare -A result
result[direct]=${runs[direct]}
for target in "${targets[@]}"; do
  rps=$(awk 'NF {print $1}' <<<"${runs[$target]}" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
  p50=$(awk 'NF {print $2}' <<<"${runs[$target]}" | while read -r v; do to_ms "$v"; echo; done | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)] "ms"}')
  p99=$(awk 'NF {print $3}' <<<"${runs[$target]}" | while read -r v; do to_ms "$v"; echo; done | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)] "ms"}')
  errors=$(awk 'NF {s += $4} END {print s + 0}' <<<"${runs[$target]}")
  cpu=$(awk 'NF && $5 != "-" {print $5}' <<<"${runs[$target]}" | sort -g | awk '{v[NR] = $1} END {print (NR ? v[int((NR + 1) / 2)] : "-")}')
  result[$target]="$rps $p50 $p99 $errors $cpu"
done

read -r n_rps _ n_p99 _ <<<"${result[nginx]}"
row() {
  local name=$1 label=$2
  read -r rps p50 p99 errors cpu <<<"${result[$name]}"
  local ratio added
  ratio=$(awk -v a="$rps" -v b="$n_rps" 'BEGIN {printf "%.0f%%", 100 * a / b}')
  added=$(awk -v a="$(to_ms "$p99")" -v b="$(to_ms "$n_p99")" 'BEGIN {printf "%+.2f ms", a - b}')
  echo "| $label | $rps | $p50 | $p99 | $ratio | $added | $errors | ${cpu:--} |"
}

{
  echo "# Gateway vs nginx"
  echo
  echo "Produced by \`bench/gateway/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg), $(nginx -v 2>&1 | sed 's/.*: //'),"
  echo "$(java -version 2>&1 | head -1), Redis $(redis-server --version 2>/dev/null | grep -oE 'v=[0-9.]+' | cut -c3- || echo local)."
  echo "Load: \`wrk -t$threads -c$connections -d$duration --latency\` on \`GET $path\`, all processes on the same"
  echo "2 cores (wrk, the proxy, the upstream nginx and Redis compete for them). JVMs: \`$java_opts\`,"
  echo "warmed up for $warmup each; medians of $rounds rounds that load nginx and the proxies in turn, every other round in reverse"
  echo "(non-2xx: the sum)."
  echo
  echo "| target | requests/s | p50 | p99 | vs nginx | p99 vs nginx | non-2xx | JVM CPU µs/request |"
  echo "|---|---|---|---|---|---|---|---|"
  row direct "upstream direct"
  row nginx "nginx reverse proxy"
  row bare "bare Vert.x proxy (BareProxy.java)"
  row library "vertx-http-proxy as it comes (LibraryProxy.java bare)"
  row library-rules "vertx-http-proxy + the gateway's header rules (LibraryProxy.java rules)"
  row gateway-true "gateway, Redis limiter on"
  row gateway-false "gateway, limiter off"
  row gateway-key "gateway, limiter on, Beak Key (key + keys-per-ip buckets)"
  if [[ -n "$baseline" ]]; then
    row baseline-true "baseline build, Redis limiter on"
    row baseline-key "baseline build, limiter on, Beak Key"
  fi
  echo
  if [[ -n "$baseline" ]]; then
    echo "This build against the baseline ($baseline), medians: requests/s (higher is better), and CPU"
    echo "time per request (lower is better):"
    echo
    for load in true key; do
      read -r a _ _ _ a_cpu <<<"${result[gateway-$load]}"
      read -r b _ _ _ b_cpu <<<"${result[baseline-$load]}"
      echo "- $([[ $load == true ]] && echo "\`GET $path\`, keyed by IP" || echo "\`GET $key_path\` with a Beak Key"): $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f%%", 100 * a / b}') of the requests/s, $(awk -v a="$a_cpu" -v b="$b_cpu" 'BEGIN {printf "%.1f%%", 100 * a / b}') of the CPU per request"
    done
    echo
  fi
  echo "vertx-http-proxy against the hand-written proxies, medians: requests/s (higher is better), and"
  echo "CPU time per request (lower is better):"
  echo
  ratio_line() {
    read -r a _ _ _ a_cpu <<<"${result[$1]}"
    read -r b _ _ _ b_cpu <<<"${result[$2]}"
    echo "- $3: $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f%%", 100 * a / b}') of the requests/s, $(awk -v a="$a_cpu" -v b="$b_cpu" 'BEGIN {printf "%.1f%%", 100 * a / b}') of the CPU per request"
  }
  ratio_line library bare "library as it comes / BareProxy"
  ratio_line library-rules bare "library + header rules / BareProxy"
  ratio_line library-rules gateway-false "library + header rules / gateway, limiter off (today's Proxy behind the gateway's handler)"
  echo
  echo "Targets (DESIGN.md): gateway with the limiter >= 90% of nginx's requests/s, p99 at most 1 ms above nginx's."
  echo
  echo "Rounds (requests/s, p50, p99, non-2xx, JVM CPU µs/request):"
  echo
  echo '```'
  for target in "${targets[@]}"; do
    awk -v t="$target" 'NF {print t ": " $0}' <<<"${runs[$target]}"
  done
  echo '```'
} >"$here/RESULTS.md"
cat "$here/RESULTS.md"

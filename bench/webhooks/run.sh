#!/usr/bin/env bash
# Webhook delivery on this machine: EVENTS agent.registered events for one duckling, fanned out to
# its 10 subscriptions on a local receiver (EVENTS x 10 deliveries), published straight onto the
# event stream at RATE events/s (the outbox path is the same consumer). Three variants, each with a
# fresh duckling:
#   healthy  10 subscriptions answering 200 at once
#   flaky    10 subscriptions answering 500 to every message's first attempt (retried after ~5 s)
#   slow     9 fast subscriptions and 1 answering after 2 s: the fast ones' latency
#   direct   the delivery worker alone: EVENTS x 10 messages inserted straight into
#            webhook_messages in one transaction (no stream, no consumer), 200 at once
# Reports deliveries/s and event -> first attempt latency p50/p99 (measured by the receiver), and
# writes RESULTS.md beside this script. identity-service runs from its packaged jar on a
# throw-away database and stream; the receiver (Receiver.java, Vert.x) in a process of its own.
#
#   bench/webhooks/run.sh
#   EVENTS=2000 RATE=100 bench/webhooks/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

port=${PORT:-18091}
receiver_port=${RECEIVER_PORT:-18099}
events=${EVENTS:-10000}
slow_events=${SLOW_EVENTS:-2000}
flaky_events=${FLAKY_EVENTS:-2000}
rate=${RATE:-100}
variants=${VARIANTS:-direct healthy flaky slow}
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
# Stream entries the event consumer handles at once (spaceduck.events.consumer.max-in-flight).
max_in_flight=${MAX_IN_FLIGHT:-8}
# Whether a read's fan-outs share one transaction (spaceduck.events.consumer.batch-transactions).
batch_transactions=${BATCH_TRANSACTIONS:-true}
base=http://127.0.0.1:$port
jar=${JAR:-identity-service/target/quarkus-app/quarkus-run.jar} # JAR: another package of it, for an A/B run

require_java
require_postgres
require_redis
! port_open 127.0.0.1 "$port" || fail "Port $port is taken; set PORT."
! port_open 127.0.0.1 "$receiver_port" || fail "Port $receiver_port is taken; set RECEIVER_PORT."
[[ -f $jar ]] || ./mvnw -B -q -pl identity-service -am package -DskipTests

work=$(mktemp -d)
database=webhooks_bench_$(date +%s)
stream="bench:$database:events"
pid=
receiver=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [[ -n $receiver ]] && kill "$receiver" 2>/dev/null && wait "$receiver" 2>/dev/null || true
  psql -X -q -d postgres -c "drop database if exists $database with (force)" >/dev/null 2>&1 || true
  redis-cli -h "$(redis_host)" -p "$(redis_port)" del "$stream" >/dev/null 2>&1 || true
  [[ -z ${KEEP_LOG:-} ]] || cp "$work/service.log" "$KEEP_LOG" # KEEP_LOG=FILE: the service's log
  rm -rf "$work"
}
trap cleanup EXIT

say "starting the receiver on 127.0.0.1:$receiver_port ..."
classpath=$(find identity-service/target/quarkus-app/lib/main -name '*.jar' | tr '\n' ':')
java -Xmx256m -XX:+UseSerialGC -cp "$classpath" "$here/Receiver.java" "$receiver_port" >"$work/receiver.log" 2>&1 &
receiver=$!

use_dev_jwt_keys "$work/jwt"
psql -X -q -d postgres -c "create database $database" >/dev/null
migrate_service "$(dirname "$jar")" SPACEDUCK_DATABASE="$database" >"$work/migrate.log" 2>&1 ||
  { cat "$work/migrate.log" >&2; fail "the migrations of $database failed"; }
say "starting identity-service on $base ..."
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") SPACEDUCK_DATABASE=$database \
  SPACEDUCK_EVENTS_STREAM="$stream" SPACEDUCK_IDENTITY_WEBHOOKS_ALLOW_INSECURE_TARGETS=true \
  SPACEDUCK_EVENTS_CONSUMER_MAX_IN_FLIGHT=$max_in_flight \
  SPACEDUCK_EVENTS_CONSUMER_BATCH_TRANSACTIONS=$batch_transactions \
  QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  java $java_opts -jar "$jar" >"$work/service.log" 2>&1 &
pid=$!
wait_ready "http://127.0.0.1:$(management_port "$port")" "$pid" "$work/service.log" identity-service
until port_open 127.0.0.1 "$receiver_port"; do
  kill -0 "$receiver" 2>/dev/null || { cat "$work/receiver.log"; fail "the receiver did not start"; }
  sleep 0.2
done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
subscribe() { # token path
  curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $1" \
    -d "{\"url\":\"http://127.0.0.1:$receiver_port$2\",\"events\":[\"agent.registered\"]}" \
    "$base/beak/webhooks" >/dev/null
}
duckling() { # token -> duckling id
  curl -fsS -H "Authorization: Bearer $1" "$base/beak/me" | json duckling_id
}
stats() { curl -fsS "http://127.0.0.1:$receiver_port/stats"; }
failed_attempts() { # the service's count of failed attempts so far
  curl -fsS "http://127.0.0.1:$(management_port "$port")/q/metrics" |
    awk '/^spaceduck_webhooks_deliveries_total\{.*outcome="failed"/ {s += $2} END {printf "%d", s}'
}
field() { # kind column (2 requests, 3 delivered, 4 first, 5 last, 6 p50, 7 p99, 8 max, 9 same attempt again)
  stats | awk -v k="$1" -v c="$2" '$1 == k {print $c}'
}
wait_delivered() { # kind count timeout-seconds
  local deadline=$((SECONDS + $3))
  local got
  while got=$(field "$1" 3) && ((${got:-0} < $2)); do
    ((SECONDS < deadline)) || { say "  timed out: $(field "$1" 3) of $2 delivered"; return 0; }
    sleep 0.5
  done
}

declare -A result
run_variant() { # name kinds... (one subscription per kind entry)
  local name=$1 n=$events
  shift
  [[ $name == slow ]] && n=$slow_events
  [[ $name == flaky ]] && n=$flaky_events
  curl -fsS -X POST "http://127.0.0.1:$receiver_port/reset" >/dev/null
  local token id
  token=$(sign_up_and_in "$base" "bench-$name-$(date +%s%N)@bench.test")
  id=$(duckling "$token")
  [[ -n $id ]] || fail "no duckling id"
  local i=0
  for kind in "$@"; do
    subscribe "$token" "/$kind/$i"
    i=$((i + 1))
  done
  local fast_kind=$1 fast_subs
  fast_subs=$(printf '%s\n' "$@" | grep -c "^$fast_kind$")
  local load_before started published failed_before
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  failed_before=$(failed_attempts)
  if [[ $name == direct ]]; then
    say "  $name: $n messages for each of $# subscriptions inserted straight into webhook_messages ..."
    started=$(date +%s%3N)
    psql -X -q -d "$database" -c "insert into webhook_messages (id, subscription_id, sequence,
        event_type, payload, status, attempts, next_attempt_at, created_at)
      select gen_random_uuid(), s.id, g, 'agent.registered',
        '{\"type\":\"agent.registered\",\"timestamp\":\"'
          || to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')
          || '\",\"data\":{}}', 'pending', 0, now(), now()
      from webhook_subscriptions s cross join generate_series(1, $n) g
      where s.duckling_id = '$id'" >/dev/null
    published=$(awk -v a="$started" -v b="$(date +%s%3N)" 'BEGIN {printf "%.2f", (b - a) / 1000}')
  else
    say "  $name: $n events at $rate/s to $# subscriptions ($*) ..."
    started=$(date +%s%3N)
    published=$(python3 "$here/publish.py" "$(redis_host)" "$(redis_port)" "$stream" "$id" "$n" "$rate")
  fi
  wait_delivered "$fast_kind" $((n * fast_subs)) 900
  local last delivered
  delivered=$(field "$fast_kind" 3)
  last=$(field "$fast_kind" 5)
  # The worker alone (direct): from its first request to its last delivery.
  [[ $name == direct ]] && started=$(field "$fast_kind" 4)
  result[$name]="$n|$fast_subs|$delivered|$published|$(( last - started ))|$(field "$fast_kind" 6)|$(field "$fast_kind" 7)|$(field "$fast_kind" 8)|$(field "$fast_kind" 2)|$load_before|$(cut -d' ' -f1 /proc/loadavg)"
  if [[ $name == slow ]]; then
    result[slow_slow]="$(field slow 2)|$(field slow 3)"
  fi
  if [[ $name == flaky ]]; then
    # Where requests beyond 2 per message come from: failed attempts the service counted (each
    # retried), and the same attempt (id and timestamp) reaching the receiver twice.
    result[flaky_why]="$(( $(failed_attempts) - failed_before ))|$(field flaky 9)"
  fi
  say "    ${result[$name]}"
}

for variant in $variants; do
  case $variant in
    healthy) run_variant healthy fast fast fast fast fast fast fast fast fast fast ;;
    flaky) run_variant flaky flaky flaky flaky flaky flaky flaky flaky flaky flaky flaky ;;
    slow) run_variant slow fast fast fast fast fast fast fast fast fast slow ;;
    direct) run_variant direct fast fast fast fast fast fast fast fast fast fast ;;
  esac
done

row() { # name description
  local r=${result[$1]:-}
  [[ -n $r ]] || return 0
  IFS='|' read -r n subs delivered published total p50 p99 max requests l1 l2 <<<"$r"
  local per_s
  per_s=$(awk -v d="$delivered" -v t="$total" 'BEGIN {printf "%d", d / (t / 1000)}')
  echo "| $2 | $n x $subs | $delivered | $requests | $published s | $(awk -v t="$total" 'BEGIN {printf "%.1f", t / 1000}') s | $per_s | $p50 ms | $p99 ms | $max ms | $l1 / $l2 |"
}

{
  echo "# bench/webhooks results"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), identity-service $java_opts,"
  echo "events published at $rate/s onto the stream, event consumer max-in-flight $max_in_flight,"
  echo "batch transactions $batch_transactions,"
  echo "receiver: bench/webhooks/Receiver.java."
  echo
  echo "| variant | events x subscriptions | delivered | requests | publishing | first event -> last delivery | deliveries/s | event -> first attempt p50 | p99 | max | load average before / after |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  row healthy "healthy (200 at once)"
  row flaky "flaky (500 to every first attempt)"
  row slow "slow: the 9 fast subscriptions, one other answering in 2 s"
  row direct "worker alone: messages inserted straight into webhook_messages"
  if [[ -n ${result[flaky_why]:-} ]]; then
    IFS='|' read -r ffailed fagain <<<"${result[flaky_why]}"
    echo
    echo "Flaky: $ffailed attempts failed in the service's count (one per message planned), $fagain requests repeated an attempt already received (same id and timestamp)."
  fi
  if [[ -n ${result[slow_slow]:-} ]]; then
    IFS='|' read -r sreq sdel <<<"${result[slow_slow]}"
    echo
    echo "The slow subscription meanwhile: $sreq requests, $sdel answered (2 s each) by the end of the fast ones."
  fi
} >"$here/RESULTS.md.new"
cat "$here/RESULTS.md.new"
mv "$here/RESULTS.md.new" "${OUT:-$here/RESULTS.md}"

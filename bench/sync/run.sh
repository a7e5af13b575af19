#!/usr/bin/env bash
# Catalog sync end to end over HTTP, next to PostgreSQL's COPY of the same rows (the floor).
#
# Generates a catalog of 10,000 items, 100 categories and 50 modifier groups of 5 modifiers
# (catalog.py), starts the sync-service JVM build on 127.0.0.1:$PORT against a throw-away
# database, and times with curl, ROUNDS times each (median):
#   - first full sync into a new venue,
#   - unchanged re-sync,
#   - re-sync with 10% of the items repriced,
#   - GET /v1/catalog, every page (limit 5000),
#   - COPY of the same rows into the same tables for another venue, in one transaction (psql).
# Then the key check: wrk on GET /v1/catalog?limit=100 (the first page: every category and
# modifier group, 100 items) with a warm key, against a second instance
# built with key checks switched off (-Dbench.sync.auth-off=true, a build-time switch), in
# alternating rounds. Writes RESULTS.md beside this script. Everything stays on 127.0.0.1.
#
#   bench/sync/run.sh                 (after ./mvnw package -DskipTests, or it builds)
#   ROUNDS=5 DURATION=15 bench/sync/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

rounds=${ROUNDS:-3}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
port=${PORT:-18083}
port_off=$((port + 1))
db=sdbench_sync
java_opts=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
jar=sync-service/target/quarkus-app/quarkus-run.jar
jar_off=sync-service/target/bench-auth-off/quarkus-run.jar

require_bench "$port" "$port_off"
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to generate the catalog."
[[ -f $jar ]] || ./mvnw -B -q package -DskipTests -pl sync-service -am
if [[ ! -f $jar_off ]]; then
  say "building the key-checks-off variant ..."
  ./mvnw -B -q package -DskipTests -pl sync-service -am -Dbench.sync.auth-off=true \
    -Dquarkus.package.output-directory=bench-auth-off
fi

work=$(mktemp -d)
cleanup() {
  stop_services
  drop_database "$db"
  rm -rf "$work"
}
trap cleanup EXIT

fresh_database "$db"
python3 "$here/catalog.py" "$work"

# A venue with a key, made directly in the database (the bench measures sync, not the owner API).
new_venue() {
  local venue key hash
  venue=$(python3 -c 'import uuid; print(uuid.uuid4())')
  key=dk_live_$(python3 -c 'import secrets,base64; print(base64.urlsafe_b64encode(secrets.token_bytes(24)).decode())')
  hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
  psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c "
    insert into venues values ('$venue', gen_random_uuid(), 'Bench', 'UTC', 'EUR', now());
    insert into venue_api_keys (venue_id, key_hash, prefix, created_at)
      values ('$venue', '$hash', '${key:0:16}', now());" >/dev/null
  echo "$venue $key"
}

start() { # name port jar [extra env...]
  local name=$1 p=$2 j=$3
  shift 3
  start_service "$name" "$p" "$j" "$work/$name.log" \
    SPACEDUCK_DATABASE="$db" SPACEDUCK_EVENTS_STREAM=sdbench:sync:events "$@"
}

say "starting sync-service on 127.0.0.1:$port ..."
start sync "$port" "$jar"

sync_time() { # key file -> seconds, fails unless 200
  local out
  out=$(curl -s -o "$work/answer.json" -w '%{http_code} %{time_total}' -X POST \
    "http://127.0.0.1:$port/v1/sync" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' --data-binary "@$2")
  [[ ${out%% *} == 200 ]] || fail "sync answered ${out%% *}: $(head -c 300 "$work/answer.json")"
  echo "${out#* }"
}
catalog_time() { # key -> seconds for every page
  local total=0 cursor="" out code t
  while :; do
    out=$(curl -s -o "$work/page.json" -w '%{http_code} %{time_total}' \
      "http://127.0.0.1:$port/v1/catalog?limit=5000${cursor:+&cursor=$cursor}" -H "Authorization: Bearer $1")
    code=${out%% *}
    t=${out#* }
    [[ $code == 200 ]] || fail "catalog answered $code"
    total=$(python3 -c "print($total + $t)")
    cursor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["nextCursor"] or "")' "$work/page.json")
    [[ -n $cursor ]] || break
  done
  echo "$total"
}
copy_time() { # venue -> seconds for COPY of every row in one transaction
  local venue=$1 start end
  for f in categories modifier_groups modifiers items; do
    sed "s/^VENUE,/$venue,/" "$work/$f.csv" >"$work/$f.$venue.csv"
  done
  start=$(date +%s%N)
  psql -X -q -d "$db" -v ON_ERROR_STOP=1 <<SQL >/dev/null
begin;
\copy categories (venue_id, external_id, name, position, created_at, updated_at) from '$work/categories.$venue.csv' csv
\copy modifier_groups (venue_id, external_id, name, min_selections, max_selections, created_at, updated_at) from '$work/modifier_groups.$venue.csv' csv
\copy modifiers (venue_id, group_external_id, external_id, name, price_amount, price_currency, available, created_at, updated_at) from '$work/modifiers.$venue.csv' csv
\copy items (venue_id, external_id, category_external_id, name, description, price_amount, price_currency, available, modifier_group_external_ids, created_at, updated_at) from '$work/items.$venue.csv' csv
commit;
SQL
  end=$(date +%s%N)
  python3 -c "print(($end - $start) / 1e9)"
}
median() { python3 -c 'import statistics,sys; print("%.3f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# Warm-up: the JIT compiles the sync path on a few syncs nobody measures.
read -r _ warm <<<"$(new_venue)"
for _ in 1 2 3; do sync_time "$warm" "$work/full.json" >/dev/null; sync_time "$warm" "$work/changed.json" >/dev/null; done
catalog_time "$warm" >/dev/null

first=() unchanged=() changed=() reads=() copies=()
for r in $(seq 1 "$rounds"); do
  read -r venue key <<<"$(new_venue)"
  first+=("$(sync_time "$key" "$work/full.json")")
  unchanged+=("$(sync_time "$key" "$work/full.json")")
  changed+=("$(sync_time "$key" "$work/changed.json")")
  reads+=("$(catalog_time "$key")")
  read -r copy_venue _ <<<"$(new_venue)"
  copies+=("$(copy_time "$copy_venue")")
  say "round $r: first ${first[-1]} s, unchanged ${unchanged[-1]} s, 10% changed ${changed[-1]} s, catalog ${reads[-1]} s, COPY ${copies[-1]} s"
done
m_first=$(median "${first[@]}")
m_unchanged=$(median "${unchanged[@]}")
m_changed=$(median "${changed[@]}")
m_reads=$(median "${reads[@]}")
m_copy=$(median "${copies[@]}")
ratio_first=$(python3 -c "print('%.1f' % ($m_first / $m_copy))")

# The key check: the same request with a warm key, and with checks switched off.
read -r venue key <<<"$(new_venue)"
curl -s -o /dev/null -X POST "http://127.0.0.1:$port/v1/sync" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' --data-binary "@$work/full.json"
say "starting the key-checks-off variant on 127.0.0.1:$port_off ..."
start sync-auth-off "$port_off" "$jar_off" BENCH_SYNC_VENUE="$venue"
on=() off=()
rps() { wrk -t2 -c"$connections" -d"${duration}s" -H "Authorization: Bearer $key" "$1" | awk '/Requests\/sec/ {print $2}'; }
page="/v1/catalog?limit=100"
# The JIT needs more than a few requests: both instances get two full rounds nobody counts.
for _ in 1 2; do
  rps "http://127.0.0.1:$port$page" >/dev/null
  rps "http://127.0.0.1:$port_off$page" >/dev/null
done
for r in $(seq 1 "$rounds"); do
  on+=("$(rps "http://127.0.0.1:$port$page")")
  off+=("$(rps "http://127.0.0.1:$port_off$page")")
  say "round $r: warm key ${on[-1]} req/s, checks off ${off[-1]} req/s"
done
m_on=$(median "${on[@]}")
m_off=$(median "${off[@]}")
key_share=$(python3 -c "print('%.1f' % (100 * $m_on / $m_off))")

cat >"$here/RESULTS.md" <<MD
# bench/sync results

$(date -u +%Y-%m-%d), $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg).
sync-service JVM (\`$java_opts\`), PostgreSQL $(psql -X -At -d postgres -c 'show server_version'),
catalog of 10,000 items, 100 categories, 50 modifier groups x 5 modifiers (about $(($(stat -c %s "$work/full.json") / 1024)) KiB of JSON).
Medians of $rounds rounds after a warm-up; every figure is end to end over HTTP on 127.0.0.1 (curl \`time_total\`).

| operation | seconds | target |
|---|---|---|
| first full sync into a new venue | $m_first | <= 1 s |
| unchanged re-sync | $m_unchanged | <= 0.5 s |
| re-sync, 10% of the items repriced | $m_changed | |
| \`GET /v1/catalog\`, every page (limit 5000) | $m_reads | |
| COPY of the same rows (floor, psql, one transaction) | $m_copy | |
| first sync / COPY | ${ratio_first}x | <= 3x |

Rounds (first, unchanged, changed, catalog, COPY):
$(for i in "${!first[@]}"; do echo "- ${first[$i]}, ${unchanged[$i]}, ${changed[$i]}, ${reads[$i]}, ${copies[$i]}"; done)

## Key check

\`GET /v1/catalog?limit=100\` (first page: 100 categories, 50 modifier groups of 5, 100 items), wrk -t2 -c$connections, ${duration} s per round, rounds alternating:

| instance | requests/s (median) |
|---|---|
| warm key cache | $m_on |
| key checks switched off (build-time variant) | $m_off |
| warm key / off | ${key_share}% (target >= 90%) |

Rounds (warm key / off): $(for i in "${!on[@]}"; do printf '%s / %s; ' "${on[$i]}" "${off[$i]}"; done)
MD
say "wrote $here/RESULTS.md"
cat "$here/RESULTS.md"

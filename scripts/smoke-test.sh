#!/usr/bin/env bash
# End-to-end check of the running platform through the gateway, as an API consumer sees it:
# sign up, sign in, see the birth certificate that the hatch event produced, verify it
# publicly, create a DuckHub venue with a key and sync a catalog with it, read the system
# status, use the API reference (/docs/ in a browser, a generated client), and hit a rate limit. Starts the platform with
# scripts/run-local.sh unless BASE_URL points at one already running.
#
#   scripts/smoke-test.sh                      build, start, check, stop
#   BASE_URL=http://127.0.0.1:8080 scripts/smoke-test.sh   check a running platform
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

base=${BASE_URL:-}
runner=
if [[ -z $base ]]; then
  base=http://127.0.0.1:8080
  # Fresh rate-limit buckets, so a run right after another one starts with full buckets.
  export SPACEDUCK_GATEWAY_RATE_LIMITS_KEY_PREFIX="smoke:$(date +%s):$RANDOM:"
  log=$(mktemp)
  scripts/run-local.sh >"$log" 2>&1 &
  runner=$!
  trap 'kill -TERM $runner 2>/dev/null; wait $runner 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    grep -q "Space Duck is running" "$log" && break
    kill -0 $runner 2>/dev/null || { cat "$log" >&2; fail "the platform did not start"; }
    sleep 0.5
  done
  grep -q "Space Duck is running" "$log" || { cat "$log" >&2; fail "the platform did not start in time"; }
fi

passed=0
failed=0
check() {
  local what=$1 expected=$2 actual=$3
  if [[ $actual == "$expected" ]]; then
    passed=$((passed + 1))
    say "ok   $what"
  else
    failed=$((failed + 1))
    say "FAIL $what: expected '$expected', got '$actual'"
  fi
}
json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval("d"+sys.argv[1]))' "$1"; }
request() { curl -s -o "$body" -w '%{http_code}' "$@"; }
body=$(mktemp)
headers=$(mktemp)

email="smoke-$(date +%s)-$RANDOM@example.com"
password='Correct-Horse-Battery-42'

status=$(request -X POST "$base/beak/signup" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"display_name\":\"Smoke Duck\"}")
check "sign-up answers 201" 201 "$status"
check "a new duckling is T0" T0 "$(json "['trust_tier']" <"$body")"

status=$(request -X POST "$base/beak/signin" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}")
check "sign-in answers 200" 200 "$status"
token=$(json "['sd_token']" <"$body")

status=$(request "$base/beak/me" -H "Authorization: Bearer $token")
check "GET /beak/me with the sd_token" 200 "$status"
check "the profile is the caller's" "$email" "$(json "['email']" <"$body")"

status=000
for _ in $(seq 1 60); do
  status=$(request "$base/beak/cert/view" -H "Authorization: Bearer $token")
  [[ $status == 200 ]] && break
  sleep 0.5
done
check "the hatch event issued a certificate (GET /beak/cert/view)" 200 "$status"
cert_id=$(json "['cert_id']" <"$body")
check "the certificate is ISSUED" ISSUED "$(json "['cert_status']" <"$body")"
check "the certificate carries the display name" "Smoke Duck" "$(json "['display_name']" <"$body")"
check "the country is ZZ when the edge sent none" ZZ "$(json "['country']" <"$body")"

status=$(request -X POST "$base/beak/cert/verify" -H 'Content-Type: application/json' \
  -d "{\"cert_id\":\"$cert_id\"}")
check "public verify answers 200" 200 "$status"
check "public verify says verified" True "$(json "['verified']" <"$body")"
check "public verify masks the name" "S**** D***" "$(json "['display_name']" <"$body")"

status=$(request "$base/beak/cert/view" -H "Authorization: Bearer ${token}x")
check "a tampered token is refused with invalid_token" "401 invalid_token" "$status $(json "['code']" <"$body")"

# DuckHub: the owner creates a venue, generates its key, syncs a catalog with it, reads it back.
status=$(request -X POST "$base/v1/venues" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"name":"Smoke Pond Diner","currency":"EUR"}')
check "POST /v1/venues answers 201" 201 "$status"
venue_id=$(json "['venueId']" <"$body")
status=$(request -X POST "$base/v1/venues/$venue_id/api-key" -H "Authorization: Bearer $token")
check "the venue's API key is generated" 201 "$status"
api_key=$(json "['apiKey']" <"$body")
check "the key is dk_live_ + 32 characters" 40 "${#api_key}"
status=$(request -X POST "$base/v1/sync" -H "Authorization: Bearer $api_key" \
  -H 'Content-Type: application/json' -H 'User-Agent: smoke-pos/1.0' \
  -d '{"categories":[{"externalId":"cat-mains","name":"Mains"}],"items":[{"externalId":"burger","categoryExternalId":"cat-mains","name":"Burger","price":{"amount":1250,"currency":"EUR"},"available":true}]}')
check "POST /v1/sync answers 200" 200 "$status"
check "the sync created the item" 1 "$(json "['items']['created']" <"$body")"
status=$(request "$base/v1/catalog" -H "Authorization: Bearer $api_key")
check "GET /v1/catalog shows the synced item" "200 burger" "$status $(json "['items'][0]['externalId']" <"$body")"
status=$(request "$base/v1/catalog" -H "Authorization: Bearer dk_live_${api_key:8:31}")
check "a malformed key is refused as documented" "401 Invalid API key format" "$status $(json "['detail']" <"$body")"

status=$(request "$base/beak/system/status")
check "system status answers 200" 200 "$status"
check "the platform is operational" operational "$(json "['status']" <"$body")"

status=$(request "$base/nope")
check "an unknown path is a problem 404" "404 E4005" "$status $(json "['code']" <"$body")"
status=$(request "$base/q/metrics")
check "the entry point serves no metrics (they are on the management port)" "404 E4005" "$status $(json "['code']" <"$body")"

# The public API reference: the merged document, Swagger UI in a headless browser doing one
# "Try it out", and a TypeScript client generated from the document (scripts/api-reference-test.sh).
status=$(request "$base/openapi.json")
check "GET /openapi.json publishes the whole API" "200 True True" \
  "$status $(json "['paths'].__contains__('/v1/sync')" <"$body") $(json "['paths'].__contains__('/beak/cert/verify')" <"$body")"
status=$(request "$base/docs/")
check "GET /docs/ serves the API reference" 200 "$status"
if scripts/api-reference-test.sh "$base"; then
  check "the API reference works in a browser and generates a working client" ok ok
else
  check "the API reference works in a browser and generates a working client" ok failed
fi

# The sign-up bucket holds 5 and refills one every 6 s; this client used one above. On a slow
# machine a few more may have refilled since, so keep asking until the bucket is empty.
for _ in $(seq 1 10); do
  status=$(request -D "$headers" -X POST "$base/beak/signup" -H 'Content-Type: application/json' -d '{}')
  [[ $status == 429 ]] && break
done
check "the sign-up limit answers 429 E4004" "429 E4004" "$status $(json "['code']" <"$body")"
check "the 429 says when to retry" yes \
  "$(grep -qiE '^retry-after: [1-9][0-9]*' "$headers" && echo yes || echo no)"

say ""
say "$passed passed, $failed failed"
((failed == 0))

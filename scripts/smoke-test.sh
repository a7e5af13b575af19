#!/usr/bin/env bash
# End-to-end check of the running platform through the gateway, as an API consumer sees it:
# sign up, sign in, see the birth certificate that the hatch event produced, verify it
# publicly, create a DuckHub venue with a key and sync a catalog with it, read the system
# status, see the webhook tester and then the real cert.issued of an elevation to T1 reach a local
# receiver signed, use the API reference (/docs/ in
# a browser, a generated client), and hit a rate limit. Starts the platform with
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
hook_receiver=
hook_dir=$(mktemp -d)
cleanup() {
  [[ -n $hook_receiver ]] && { kill "$hook_receiver" 2>/dev/null; wait "$hook_receiver" 2>/dev/null || true; }
  [[ -n $runner ]] && { kill -TERM "$runner" 2>/dev/null; wait "$runner" 2>/dev/null || true; }
  rm -rf "$hook_dir"
}
trap cleanup EXIT
if [[ -z $base ]]; then
  base=http://127.0.0.1:8080
  # Fresh rate-limit buckets, so a run right after another one starts with full buckets.
  export SPACEDUCK_GATEWAY_RATE_LIMITS_KEY_PREFIX="smoke:$(date +%s):$RANDOM:"
  log=$(mktemp)
  scripts/run-local.sh >"$log" 2>&1 &
  runner=$!
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

# GET /beak/cert/view with token $1 until the certificate is there (30 s at most); the status.
cert_view() {
  local got=000
  for _ in $(seq 1 60); do
    got=$(request "$base/beak/cert/view" -H "Authorization: Bearer $1")
    [[ $got == 200 ]] && break
    sleep 0.5
  done
  echo "$got"
}

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

status=$(cert_view "$token")
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

# Webhooks: a local receiver (python3, a free 127.0.0.1 port, every request's headers and body
# kept as a JSON file) is subscribed to cert.issued by a fresh duckling. First the webhook tester
# sends it a signed sample through the real delivery path (target check, signing, HTTP). Then the
# duckling verifies its email and phone (the one-time codes are read from identity's
# `notifications` table, where the default notifier leaves them for a mail/SMS sender: psql
# against the local database, IDENTITY_DATABASE) and elevates to T1; cert-service re-issues its
# credential at T1 and announces cert.issued, which must reach the receiver: that certificate's
# id, trust_tier T1, a signature the secret verifies (Standard Webhooks) and a fresh timestamp.
# Local targets are allowed by run-local.sh (webhooks.allow-insecure-targets).
identity_database=${IDENTITY_DATABASE:-identity}
python3 - "$hook_dir" <<'PY' &
import http.server, json, os, sys, uuid
folder = sys.argv[1]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        record = {"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body.decode()}
        with open(os.path.join(folder, "req-%s.json" % uuid.uuid4()), "w") as f:
            json.dump(record, f)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
with open(os.path.join(folder, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
server.serve_forever()
PY
hook_receiver=$!
for _ in $(seq 1 50); do [[ -f $hook_dir/port ]] && break; sleep 0.1; done
hook_url="http://127.0.0.1:$(cat "$hook_dir/port" 2>/dev/null)/hooks/cert"
# Waits (60 s at most) for a cert.issued about duckling $3 (and, when given, certificate $4 at
# tier $5) whose signature the secret $2 verifies: prints verified, stale timestamp, or what came.
signed_cert_issued() { # folder secret duckling [cert_id tier]
  python3 - "$@" <<'PY'
import base64, glob, hashlib, hmac, json, sys, time
folder, secret, duckling = sys.argv[1:4]
cert_id, tier = (sys.argv[4:6] + ["", ""])[:2]
key = base64.b64decode(secret[len("whsec_"):])
deadline = time.time() + 60
seen = "nothing arrived"
while time.time() < deadline:
    for path in glob.glob(folder + "/req-*.json"):
        r = json.load(open(path))
        h, body = r["headers"], r["body"]
        event = json.loads(body)
        data = event.get("data", {})
        if event.get("type") != "cert.issued" or data.get("duckling_id") != duckling:
            continue
        if cert_id and (data.get("cert_id"), data.get("trust_tier")) != (cert_id, tier):
            seen = "only cert.issued for %s at %s" % (data.get("cert_id"), data.get("trust_tier"))
            continue
        signed = "%s.%s.%s" % (h["webhook-id"], h["webhook-timestamp"], body)
        expected = base64.b64encode(hmac.new(key, signed.encode(), hashlib.sha256).digest()).decode()
        fresh = abs(time.time() - int(h["webhook-timestamp"])) <= 300
        if any(hmac.compare_digest(s, "v1," + expected) for s in h["webhook-signature"].split(" ")):
            print("verified" if fresh else "stale timestamp")
            sys.exit(0)
        seen = "a cert.issued with a signature that does not verify"
    time.sleep(0.5)
print(seen)
PY
}
# The newest one-time code sent to $1 (an email address or a phone number).
one_time_code() {
  psql -X -tA -d "$identity_database" -c "select body from notifications
    where destination = '$1' order by created_at desc limit 1" | grep -o '[0-9]\{6\}' | head -1
}
hook_email="smoke-hook-$(date +%s)-$RANDOM@example.com"
status=$(request -X POST "$base/beak/signup" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$hook_email\",\"password\":\"$password\",\"display_name\":\"Hook Duck\"}")
check "a second duckling signs up" 201 "$status"
hook_duckling=$(json "['duckling_id']" <"$body")
request -X POST "$base/beak/signin" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$hook_email\",\"password\":\"$password\"}" >/dev/null
hook_token=$(json "['sd_token']" <"$body")
status=$(request -X POST "$base/beak/webhooks" -H "Authorization: Bearer $hook_token" \
  -H 'Content-Type: application/json' -d "{\"url\":\"$hook_url\",\"events\":[\"cert.issued\"]}")
check "POST /beak/webhooks for cert.issued to the local receiver answers 201" 201 "$status"
hook_secret=$(json "['secret']" <"$body")
hook_id=$(json "['webhook_id']" <"$body")
status=$(request -X POST "$base/beak/webhooks/$hook_id/test" -H "Authorization: Bearer $hook_token" \
  -H 'Content-Type: application/json' -d '{"event_type":"cert.issued"}')
check "the webhook tester delivered a cert.issued (200, success)" "200 True" "$status $(json "['success']" <"$body")"
check "the receiver got the tester's cert.issued, signature verified" verified \
  "$(signed_cert_issued "$hook_dir" "$hook_secret" "$hook_duckling")"

status=$(cert_view "$hook_token")
check "the second duckling's certificate is issued at T0" "200 T0" "$status $(json "['trust_tier']" <"$body" 2>/dev/null)"
hook_cert=$(json "['cert_id']" <"$body" 2>/dev/null || true)
status=$(request -X POST "$base/beak/verify/email" -H "Authorization: Bearer $hook_token")
check "POST /beak/verify/email answers 202" 202 "$status"
status=$(request -X POST "$base/beak/verify/email/confirm" -H "Authorization: Bearer $hook_token" \
  -H 'Content-Type: application/json' -d "{\"code\":\"$(one_time_code "$hook_email")\"}")
check "the email code from the notifications table confirms the email" "200 True" \
  "$status $(json "['email_verified']" <"$body" 2>/dev/null)"
# A fresh UK mobile number each run: codes per number are capped per day.
hook_phone=$(printf '+447700%06d' $(( (RANDOM * 32768 + RANDOM) % 1000000 )))
status=$(request -X POST "$base/beak/verify/phone" -H "Authorization: Bearer $hook_token" \
  -H 'Content-Type: application/json' -d "{\"phone\":\"$hook_phone\"}")
check "POST /beak/verify/phone answers 202" 202 "$status"
status=$(request -X POST "$base/beak/verify/phone/confirm" -H "Authorization: Bearer $hook_token" \
  -H 'Content-Type: application/json' -d "{\"code\":\"$(one_time_code "$hook_phone")\"}")
check "the phone code confirms the phone" "200 True" \
  "$status $(json "['phone_verified']" <"$body" 2>/dev/null)"
status=$(request -X PUT "$base/beak/trust/elevate" -H "Authorization: Bearer $hook_token" \
  -H 'Content-Type: application/json' -d '{"target_tier":"T1"}')
check "PUT /beak/trust/elevate to T1 answers 200" 200 "$status"
check "the receiver got the real cert.issued: this certificate at T1, signed, fresh" verified \
  "$(signed_cert_issued "$hook_dir" "$hook_secret" "$hook_duckling" "$hook_cert" T1)"

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

#!/usr/bin/env bash
# Checks the gateway's public API reference against a running platform, as its readers use it:
#   1. headless Chromium loads /docs/ and performs one "Try it out" call (GET /beak/system/status);
#   2. a TypeScript client generated from /openapi.json (openapi-generator, typescript-fetch) is
#      compiled with tsc and signs up, signs in, reads the profile and the status, and is refused.
# npm packages are pinned in scripts/api-reference/package-lock.json and installed, with the
# generated client, under gateway/target/api-reference-test/ (never committed). Chromium is
# Debian's (installed here when missing, as root).
#
#   scripts/api-reference-test.sh http://127.0.0.1:8080
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

base=${1:-${BASE_URL:-http://127.0.0.1:8080}}
generator_version=7.17.0
work=gateway/target/api-reference-test
rm -rf "$work"
mkdir -p "$work"
cp scripts/api-reference/package.json scripts/api-reference/package-lock.json \
  scripts/api-reference/browser-test.mjs scripts/api-reference/client-test.ts \
  scripts/api-reference/tsconfig.json "$work/"

command -v node >/dev/null || fail "node (20 or newer) is needed for the API reference checks"
(cd "$work" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)

if [[ ! -x /usr/bin/chromium ]]; then
  say "installing Debian's chromium for the browser check"
  ((EUID == 0)) || fail "chromium is missing; install it (apt-get install -y chromium) or run as root"
  timeout 600 apt-get install -y -qq chromium >/dev/null ||
    { timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq chromium >/dev/null; } ||
    fail "could not install chromium"
fi

say "== API reference: Swagger UI in a browser"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
(cd "$work" && timeout 180 node browser-test.mjs "$base" "$profile")

say "== API reference: a client generated from /openapi.json"
curl -sf "$base/openapi.json" -o "$work/openapi.json" || fail "GET $base/openapi.json failed"
./mvnw -B -ntp -q dependency:copy \
  -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" \
  -DoutputDirectory="$work" -Dmdep.stripVersion=true
# One API class (SpaceDuckApi) whose methods are the document's operationIds.
timeout 300 java -jar "$work/openapi-generator-cli.jar" generate \
  -i "$work/openapi.json" -g typescript-fetch -o "$work/client" \
  --openapi-normalizer SET_TAGS_FOR_ALL_OPERATIONS=SpaceDuck \
  --additional-properties=supportsES6=true,importFileExtension=.js >"$work/generator.log" 2>&1 ||
  { cat "$work/generator.log" >&2; fail "openapi-generator could not generate a client from /openapi.json"; }
(cd "$work" && timeout 300 npx --no-install tsc -p tsconfig.json && timeout 120 node dist/client-test.js "$base")
say "ok   the API reference checks passed"

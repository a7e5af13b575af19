#!/usr/bin/env bash
# Records the JDK's AOT cache (JEP 483/514/515) of one service from a full start, the way
# deploy/docker/Dockerfile.jvm trains it at image build time, and bench/startup/run.sh does
# for its variant `full-25`. Runs in the application's folder (quarkus-run.jar, aot-jar
# layout):
#
#   train.sh OUTPUT [JVM-OPTION...]
#
# The application starts as in a pod (no build-time shortcut), with PostgreSQL and Redis
# pointing at a closed port: the services start without them (connections are opened on
# demand; readiness says DOWN), which is all a `docker build` has. Once the management
# interface answers, a few rounds of requests go to the health and metrics endpoints
# and to the public API (each refused, or answered with a problem for the missing database),
# so the classes of the first requests (routing, JSON, validation, problems, JWT, the
# reactive clients' failure paths) are in the cache too; then SIGTERM, on which the JVM
# writes OUTPUT. Needs bash and java only (no curl in the image): HTTP goes through
# bash's /dev/tcp. The JWT and credential keys are whatever the environment points at
# (the image build generates a throw-away pair); nothing here is kept but OUTPUT.
set -euo pipefail

out=${1:?usage: train.sh OUTPUT [JVM-OPTION...]}
shift
java=${JAVA:-java}
http=${QUARKUS_HTTP_PORT:-18480}
management=${QUARKUS_MANAGEMENT_PORT:-19480}
closed=${TRAIN_CLOSED_PORT:-1} # nothing listens there: PostgreSQL and Redis are refused at once

# request PORT METHOD PATH [JSON]: one HTTP/1.1 request, the answer read and dropped; prints
# the status code (000 when the port does not answer).
request() {
  local status=000 body=${4:-}
  if exec 3<>"/dev/tcp/127.0.0.1/$1"; then
    printf '%s %s HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
      "$2" "$3" "${#body}" "$body" >&3
    status=$(timeout 30 cat <&3 | head -1 | cut -d' ' -f2) || true
    exec 3<&-
  fi 2>/dev/null
  echo "${status:-000}"
}

rm -f "$out"
env PGHOST=127.0.0.1 PGPORT="$closed" REDIS_URL="redis://127.0.0.1:$closed" \
  QUARKUS_HTTP_PORT="$http" QUARKUS_MANAGEMENT_PORT="$management" QUARKUS_LOG_CONSOLE_LEVEL=ERROR \
  "$java" "$@" -XX:AOTCacheOutput="$out" -jar quarkus-run.jar &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

until [[ $(request "$management" GET /q/health/live) == 200 ]]; do
  kill -0 "$pid" 2>/dev/null || { echo "train.sh: the application exited during start-up" >&2; exit 1; }
  ((SECONDS < ${TRAIN_TIMEOUT:-300})) || { echo "train.sh: not live after ${TRAIN_TIMEOUT:-300} s" >&2; exit 1; }
  sleep 0.1
done

signup='{"email":"training@example.invalid","password":"a training passphrase, never stored","display_name":"Training"}'
for round in 1 2 3; do
  for path in /q/health/live /q/health/ready /q/health/started /q/health /q/metrics; do
    request "$management" GET "$path" >/dev/null
  done
  request "$http" POST /beak/signup "$signup" >/dev/null
  request "$http" POST /beak/signin '{"email":"training@example.invalid","password":"a training passphrase"}' >/dev/null
  request "$http" POST /beak/signup '{"email":"not an address"}' >/dev/null
  for path in /beak/me /beak/keys /beak/cert/view /beak/cert/training /beak/cert/.well-known/jwks.json \
    /beak/.well-known/jwks.json /beak/trust /beak/system/status /sync /v1/venues /catalog /no/such/path; do
    request "$http" GET "$path" >/dev/null
  done
  request "$http" POST /beak/cert/verify '{"credential":"training"}' >/dev/null
  request "$http" POST /beak/pageview '{"path":"/training"}' >/dev/null
  echo "train.sh: round $round done" >&2
done

kill -TERM "$pid"
wait "$pid" || true # the JVM exits 143 on SIGTERM, after writing the cache
trap - EXIT
[[ -s $out ]] || { echo "train.sh: no AOT cache written to $out" >&2; exit 1; }

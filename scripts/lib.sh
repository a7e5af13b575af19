# Shared helpers for the scripts in this folder. Source it; it defines functions only.

# PostgreSQL and Redis locations, from the same variables the services read.
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export PGHOST PGPORT PGUSER REDIS_URL

say() { printf '%s\n' "$*"; }
fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Host and port of REDIS_URL (redis://[user:pass@]host:port[/db]).
redis_host() {
  local rest=${REDIS_URL#*://}
  rest=${rest##*@}
  rest=${rest%%/*}
  printf '%s' "${rest%%:*}"
}
redis_port() {
  local rest=${REDIS_URL#*://}
  rest=${rest##*@}
  rest=${rest%%/*}
  case $rest in *:*) printf '%s' "${rest##*:}" ;; *) printf '6379' ;; esac
}

# True when something accepts TCP connections on host:port (bash's /dev/tcp; no other tool).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# True when a Redis at host:port answers PING.
redis_answers() {
  timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2; printf 'PING\r\n' >&3; read -r reply <&3; [[ \$reply == +PONG* || \$reply == -NOAUTH* ]]" 2>/dev/null
}

require_java() {
  command -v java >/dev/null 2>&1 || fail "Java 17 or newer is needed: apt-get install openjdk-17-jdk-headless (or set JAVA_HOME)."
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ ${version%%.*} -ge 17 ]] 2>/dev/null || fail "Java 17 or newer is needed, found ${version:-unknown}: apt-get install openjdk-17-jdk-headless (or set JAVA_HOME)."
}

require_postgres() {
  port_open "$PGHOST" "$PGPORT" || fail "No PostgreSQL at $PGHOST:$PGPORT. Install and start it (apt-get install postgresql; pg_ctlcluster <version> main start), or point PGHOST/PGPORT/PGUSER/PGPASSWORD at one."
  command -v psql >/dev/null 2>&1 || fail "psql is needed to create the databases: apt-get install postgresql-client."
  psql -X -q -d postgres -c 'select 1' >/dev/null 2>&1 || fail "PostgreSQL at $PGHOST:$PGPORT refused user '$PGUSER'. Set PGUSER/PGPASSWORD to a role that may create databases."
}

require_redis() {
  local host port
  host=$(redis_host)
  port=$(redis_port)
  redis_answers "$host" "$port" || fail "No Redis answers at $host:$port. Install and start it (apt-get install redis-server; redis-server --daemonize yes), or set REDIS_URL=redis://host:port."
}

# Creates each named database unless it exists.
ensure_databases() {
  local db
  for db in "$@"; do
    if [[ -z $(psql -X -tA -d postgres -c "select 1 from pg_database where datname = '$db'") ]]; then
      psql -X -q -d postgres -c "create database \"$db\"" >/dev/null || fail "Could not create database $db."
      say "created database $db"
    fi
  done
}

# Development signing keys for sd_token in the given folder, generated once, and exported as
# the locations identity-service (private) and the token verifiers (public) read.
use_dev_jwt_keys() {
  local dir=$1
  if [[ ! -s $dir/private.pem ]]; then
    command -v openssl >/dev/null 2>&1 || fail "openssl is needed to generate development JWT keys: apt-get install openssl."
    mkdir -p "$dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
    openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
    chmod 600 "$dir/private.pem"
    say "generated development JWT keys in $dir/"
  fi
  export SMALLRYE_JWT_SIGN_KEY_LOCATION=$dir/private.pem
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$dir/public.pem
}

# cert-service's development credential keys (an EC P-256 pair, its own, never identity's) in
# the given folder, generated once, and exported as the locations cert-service reads
# (cert-service/README.md, "Signing keys"; production keys come from a Secret, never from here).
use_dev_credential_keys() {
  local dir=$1
  if [[ ! -s $dir/credential-signing.pem ]]; then
    command -v openssl >/dev/null 2>&1 || fail "openssl is needed to generate development credential keys: apt-get install openssl."
    mkdir -p "$dir"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/credential-signing.pem" 2>/dev/null
    openssl pkey -in "$dir/credential-signing.pem" -pubout -out "$dir/credential-signing.pub.pem"
    chmod 600 "$dir/credential-signing.pem"
    say "generated development credential keys in $dir/"
  fi
  export SPACEDUCK_CERT_CREDENTIALS_SIGNING_KEY_LOCATION=$dir/credential-signing.pem
  export SPACEDUCK_CERT_CREDENTIALS_PUBLIC_KEY_LOCATION=$dir/credential-signing.pub.pem
}

# Peak resident memory of a process so far (VmHWM), in MiB.
peak_rss_mib() {
  awk '/^VmHWM:/ {printf "%d", $2 / 1024}' "/proc/$1/status"
}

# The port of a service's management interface (health, metrics, OpenAPI): its HTTP port plus
# 1000, as in the services' application.properties (8081 -> 9081). Scripts that start services on
# other ports set QUARKUS_MANAGEMENT_PORT to this as well.
management_port() { # http-port
  printf '%s' $(($1 + 1000))
}

# Waits up to 90 s for a started service to answer /q/health/ready on its management interface;
# fails with the end of its log if the process exits first.
wait_ready() { # management-base-url pid log name
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "$1/q/health/ready" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { tail -30 "$3" >&2; fail "$4 exited during start-up"; }
    ((SECONDS < deadline)) || fail "$4 not ready after 90 s"
    sleep 0.2
  done
}

# Signs a new duckling up and in; prints its sd_token.
sign_up_and_in() { # base-url email
  local body="{\"email\":\"$2\",\"password\":\"Correct-Horse-Battery-42\"}"
  curl -fsS -H 'Content-Type: application/json' -d "$body" "$1/beak/signup" >/dev/null
  curl -fsS -H 'Content-Type: application/json' -d "$body" "$1/beak/signin" |
    sed -n 's/.*"sd_token":"\([^"]*\)".*/\1/p'
}

# Installs a missing command with apt-get (through sudo unless root), or fails naming the package.
require_tool() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  say "installing $1 ($2) ..."
  local apt=(apt-get)
  [[ $(id -u) -eq 0 ]] || apt=(sudo apt-get)
  "${apt[@]}" install -y "$2" >/dev/null 2>&1 ||
    { "${apt[@]}" update >/dev/null && "${apt[@]}" install -y "$2" >/dev/null; } ||
    fail "$1 is needed: apt-get install $2."
}

# What a bench run needs: Java, PostgreSQL, Redis and wrk, and its ports free.
require_bench() { # port...
  require_java
  require_postgres
  require_redis
  local p
  for p in "$@"; do
    ! port_open 127.0.0.1 "$p" || fail "Port $p is taken; set PORT."
  done
  require_tool wrk wrk
}

# A throw-away database: dropped if an earlier run left it, then created empty.
fresh_database() { # name
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
    psql -X -q -d postgres -c "drop database if exists $1 with (force)" >/dev/null
  psql -X -q -d postgres -c "create database $1" >/dev/null
}

# Drops a throw-away database; never fails (for cleanup traps).
drop_database() { # name
  psql -X -q -d postgres -c "drop database if exists $1 with (force)" >/dev/null 2>&1 || true
}

# Migrates a packaged service's database before it starts, as the pods' init container does:
# the service's package holds the migrator (platform-migrations) and its db/migration, so it
# runs on the package's own jars (target/quarkus-app, fast-jar and -Daot's aot-jar alike). The
# database is SPACEDUCK_DATABASE if given among the VAR=value settings or in the environment,
# else the service's own (spaceduck.database); PG* as the services read them. Prints the
# migrator's lines (one per migration applied, then the schema's version); fails with its
# one-line error. A package without the migrator (the gateway) has no database: nothing to do.
migrate_service() { # app-dir [VAR=value...]
  local app=$1
  shift
  compgen -G "$app/lib/main/com.spaceduck.platform-migrations-*.jar" >/dev/null || return 0
  env "$@" "${MIGRATE_JAVA:-java}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$app/lib/main/*:$app/app/*" \
    com.spaceduck.platform.migrations.Migrate || { printf 'error: the migrations of %s failed\n' "$app" >&2; return 1; }
}

# Starts a service's JVM build on 127.0.0.1:port (management interface on its management_port)
# with the options in $java_opts and any VAR=value settings, logging to a file, after migrating
# its database (migrate_service, with the same settings, into the same log); waits until it is
# ready and leaves its pid in $service_pid. stop_services (in a cleanup trap) stops every one
# started, also one that never became ready.
service_pids=()
start_service() { # name port jar log [VAR=value...]
  local name=$1 port=$2 jar=$3 log=$4
  shift 4
  migrate_service "$(dirname "$jar")" "$@" >"$log" 2>&1 || { tail -5 "$log" >&2; fail "$name: its migrations failed"; }
  # shellcheck disable=SC2086
  env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    QUARKUS_HTTP_HOST=127.0.0.1 "$@" java ${java_opts:-} -jar "$jar" >>"$log" 2>&1 &
  service_pid=$!
  service_pids+=("$service_pid")
  wait_ready "http://127.0.0.1:$(management_port "$port")" "$service_pid" "$log" "$name"
}

stop_services() {
  local p
  for p in "${service_pids[@]}"; do
    kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true
  done
}

#!/usr/bin/env bash
# Offline validation of the Kubernetes manifests (no cluster needed), run by .ci/run:
#
# 1. Renders overlays/dev, overlays/prod and the variants in check/variants/ (the overlays
#    with the optional components) with `kubectl kustomize`.
# 2. Schema: every rendered object against the Kubernetes schemas, with no unknown fields
#    (check/schema.mjs: the npm packages kubernetes-models and
#    @kubernetes-models/prometheus-operator, plus TypeScript's excess-property check against
#    their types). This script installs them itself, at the versions of
#    check/package-lock.json, into a cache folder ($SPACEDUCK_K8S_CHECK_TOOLS, default
#    ~/.cache/spaceduck/k8s-check).
# 3. Invariants (check/invariants.py), each with an id: probe paths and ports are the
#    management interface's of the service's config [probes]; every env var a manifest sets
#    is a config key the service reads [env]; every Secret referenced is documented in
#    README.md [secrets]; default-deny NetworkPolicies [default-deny]; no Ingress path
#    reaches /q/* or a management port [ingress]; image references qualified, prod on a
#    release [images]; no Namespace in an overlay [namespace]; native heap caps [native-heap];
#    the JWT key only where used, one issuer [jwt]; a ServiceAccount per service [accounts];
#    migrations as a separate step with their own credentials [migrations]; zone and node
#    spread [spread]; CPU requests the HPA can use [sizing]; the restricted Pod Security
#    Standard, probes and limits [pods]; JVM options in step [jvm]; Redis credentials and the
#    dev Redis's persistence [redis]; narrow trusted proxies [proxies].
# 4. Negative fixtures: each folder in check/reject/ renders an overlay with one thing
#    broken and names, in its file `expect`, the check that must reject it. A fixture that
#    is not rejected by that check fails this script.
# 5. The Redis ACL (dev file and prod template agree, match the code) and, when
#    redis-server is installed, the dev ACL loaded into a throwaway Redis on 127.0.0.1.
#
# Prints one PASS/FAIL line per check; exits 1 if any fails.
# Needs: kubectl (with its built-in kustomize), python3 with PyYAML, node and npm (the npm
# registry, the first time); optionally redis-server and redis-cli.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in kubectl python3 node npm; do
  command -v "$tool" >/dev/null || { echo "FAIL prerequisite: $tool not found"; exit 1; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "FAIL prerequisite: python3 module yaml (PyYAML) not found"; exit 1; }

failed=0

# --- The schema validator, installed from the lock file into a cache folder ---------------
lock_id="$(sha256sum "$here/check/package-lock.json" | cut -c1-16)"
tools="${SPACEDUCK_K8S_CHECK_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/spaceduck/k8s-check}/$lock_id"
if [ ! -e "$tools/node_modules/.installed" ]; then
  echo "installing the schema validator (npm ci) into $tools ..."
  mkdir -p "$tools"
  cp "$here/check/package.json" "$here/check/package-lock.json" "$tools/"
  if (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1); then
    touch "$tools/node_modules/.installed"
  else
    echo "FAIL prerequisite: npm ci of check/package-lock.json failed: $(tail -n 3 "$work/npm.log")"
    exit 1
  fi
fi
cp "$here/check/schema.mjs" "$tools/schema.mjs"

# render NAME DIR: renders DIR into $work/NAME.yaml; prints why it failed otherwise.
render() {
  kubectl kustomize "$2" >"$work/$1.yaml" 2>"$work/$1.err" || { head -n 3 "$work/$1.err"; return 1; }
}

# validate NAME LABEL [SCHEMA]: schema (unless SCHEMA is "no") and invariants of
# $work/NAME.yaml, output in $work/NAME.out.
validate() {
  local status=0 run
  : >"$work/$1.out"
  python3 - "$work/$1.yaml" "$work/$1.json" <<'PY' || status=1
import json, re, sys
import yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
for d in docs:
    # kustomize wraps generated base64 at 76 columns; the API server ignores the line breaks.
    if d.get("kind") == "Secret":
        d["data"] = {k: re.sub(r"\s", "", v) for k, v in (d.get("data") or {}).items()}
json.dump(docs, open(sys.argv[2], "w"))
PY
  if [ "${3:-yes}" != no ]; then
    run="$(mktemp -d "$tools/run.XXXXXX")"
    node "$tools/schema.mjs" "$work/$1.json" "$run" >>"$work/$1.out" 2>&1 || status=1
    rm -rf "$run"
  fi
  python3 "$here/check/invariants.py" "$2" "$work/$1.yaml" "$repo" >>"$work/$1.out" 2>&1 || status=1
  return $status
}

# --- Example files and templates must never be applied by accident ------------------------
for example in secret-postgres.example.yaml secret-redis.example.yaml ingress-nginx.example.yaml \
  redis-users.acl.template; do
  if [ ! -e "$here/$example" ] && [ ! -e "$here/overlays/prod/$example" ]; then
    echo "FAIL $example is missing"
    failed=1
  elif grep -rhs "$example" --include=kustomization.yaml "$here" | grep -qv '^[[:space:]]*#'; then
    echo "FAIL $example is referenced by a kustomization"
    failed=1
  else
    echo "PASS $example is not referenced by any kustomization"
  fi
done

# The documented ingress-nginx settings overwrite the client's X-Forwarded-For and X-Geo-Country.
python3 - "$here/ingress-nginx.example.yaml" <<'PY' || failed=1
import sys
import yaml

docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
maps = {f"{d['metadata'].get('namespace')}/{d['metadata']['name']}": d.get("data") or {} for d in docs}
controller = maps.get("ingress-nginx/ingress-nginx-controller", {})
headers = maps.get(controller.get("proxy-set-headers", ""), {})
ok = (controller.get("use-forwarded-headers") == "false"
      and controller.get("compute-full-forwarded-for") == "false"
      and "X-Geo-Country" in headers)
print(f"{'PASS' if ok else 'FAIL'} ingress-nginx.example.yaml: the controller ignores client "
      "X-Forwarded-* and sets X-Geo-Country itself (proxy-set-headers)")
sys.exit(0 if ok else 1)
PY

# The namespaces, applied on their own, enforce the restricted Pod Security Standard.
python3 - "$here"/overlays/*/namespace.yaml <<'PY' || failed=1
import sys
import yaml

ok = True
for path in sys.argv[1:]:
    ns = yaml.safe_load(open(path))
    labels = ns["metadata"].get("labels") or {}
    good = ns["kind"] == "Namespace" and labels.get("pod-security.kubernetes.io/enforce") == "restricted"
    print(f"{'PASS' if good else 'FAIL'} {path.split('/k8s/')[1]}: Namespace/{ns['metadata']['name']} "
          "enforces the restricted Pod Security Standard")
    ok = ok and good
sys.exit(0 if ok else 1)
PY

# --- The overlays and their variants --------------------------------------------------------
if render base "$here/base"; then echo "PASS base: renders"; else echo "FAIL base: does not render"; failed=1; fi
for target in overlays/dev overlays/prod "$here"/check/variants/*/; do
  target="${target#"$here/"}"
  target="${target%/}"
  name="${target//\//_}"
  if ! render "$name" "$here/$target"; then
    echo "FAIL $target: does not render"
    failed=1
    continue
  fi
  echo "PASS $target: renders"
  validate "$name" "$target" || failed=1
  # Schema PASS lines are many; show only their count.
  grep -v '^PASS \[schema\]' "$work/$name.out" || true
  echo "PASS [schema] $target: $(grep -c '^PASS \[schema\]' "$work/$name.out") objects valid, no unknown fields"
done

# --- Negative fixtures: each must be rejected by the check it names ------------------------
for fixture in "$here"/check/reject/*/; do
  fixture="${fixture%/}"
  name="reject_$(basename "$fixture")"
  expect="$(tr -d '[:space:]' <"$fixture/expect")"
  label="$(sed -n 's#^ *- \.\./\.\./\.\./\(overlays/[a-z]*\)$#\1#p' "$fixture/kustomization.yaml" | head -n 1)"
  if ! render "$name" "$fixture"; then
    echo "FAIL fixture $(basename "$fixture"): does not render"
    failed=1
    continue
  fi
  # The schema pass is slow; a fixture that breaks something else does not need it.
  validate "$name" "${label:-fixture}" "$([ "$expect" = schema ] && echo yes || echo no)" || true
  if grep -q "^FAIL \[$expect\]" "$work/$name.out"; then
    echo "PASS fixture $(basename "$fixture"): rejected by [$expect]: $(grep -m1 "^FAIL \[$expect\]" "$work/$name.out" | cut -c1-160)"
  else
    echo "FAIL fixture $(basename "$fixture"): [$expect] did not reject it"
    failed=1
  fi
done

# The Redis ACL: the dev file (as rendered into its Secret) and the prod template carry the
# same rules, which match what the code uses (key prefix, stream name), and the dev URLs'
# passwords are the file's.
dev_rendered="$work/overlays_dev.yaml"
if [ -s "$dev_rendered" ]; then
  python3 - "$dev_rendered" "$here/overlays/prod/redis-users.acl.template" "$here/../.." "$work/users.acl" <<'PY' || failed=1
import base64, fnmatch, re, sys, urllib.parse
import yaml

rendered, template_path, repo, acl_out = sys.argv[1:5]
ok = True

def check(cond, what):
    global ok
    print(f"{'PASS' if cond else 'FAIL'} redis ACL: {what}")
    ok = ok and bool(cond)

with open(rendered) as f:
    docs = [d for d in yaml.safe_load_all(f) if d]
acl_secret_name = open(rendered + ".acl-secret").read().strip()

def secret(prefix):
    for d in docs:
        if d.get("kind") == "Secret" and d["metadata"]["name"] == prefix:
            data = {k: base64.b64decode(v).decode() for k, v in (d.get("data") or {}).items()}
            data.update(d.get("stringData") or {})
            return data
    return {}

acl_secret = secret(acl_secret_name)
dev_acl = acl_secret.get("users.acl", "")
check(dev_acl, f"the dev Secret {acl_secret_name} holds users.acl")
with open(acl_out, "w") as f:
    f.write(dev_acl)
with open(template_path) as f:
    template = f.read()

def parse(text):
    users = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        words = line.split()
        if words[0] != "user" or len(words) < 2:
            users.setdefault("<invalid>", []).append(line)
            continue
        users[words[1]] = words[2:]
    return users

def passwords(rules):
    return [r[1:] for r in rules if r[:1] in (">", "#")]

def without_passwords(rules):
    return [r for r in rules if r[:1] not in (">", "#")]

def keys(rules):
    return [r[1:] for r in rules if r.startswith("~")]

def commands(rules):
    return {r[1:] for r in rules if r.startswith("+")}

# What the code uses (defaults; README.md says to change the ACL with them).
config = open(f"{repo}/gateway/src/main/java/com/spaceduck/gateway/GatewayConfig.java").read()
prefix = re.search(r'@WithDefault\("([^"]*)"\)\s*String keyPrefix\(\)', config).group(1)
events = open(f"{repo}/platform/events/src/main/java/com/spaceduck/platform/events/EventsConfig.java").read()
stream = re.search(r'@WithDefault\("([^"]*)"\)\s*String stream\(\)', events).group(1)
STREAM_USERS = {"identity", "cert", "sync"}

for label, text in (("dev", dev_acl), ("prod template", template)):
    users = parse(text)
    check("<invalid>" not in users, f"{label}: every line is a user rule")
    expected = {"default", "gateway", "identity", "cert", "sync"} | ({"probe"} if label == "dev" else set())
    check(set(users) == expected, f"{label}: users are {sorted(expected)} ({sorted(users)})")
    default = users.get("default", [])
    check("off" in default and "on" not in default and "nopass" not in default
          and not commands(default) and not keys(default),
          f"{label}: the default user is off, without password-less access or rights")
    for name, rules in users.items():
        if name == "default":
            continue
        broad = [r for r in rules if r in ("nopass", "allkeys", "allchannels", "allcommands",
                                            "~*", "&*", "+@all", "%R~*", "%W~*", "%RW~*")]
        check("on" in rules and passwords(rules) and not broad
              and "resetkeys" in rules and "resetchannels" in rules and "-@all" in rules
              and all(rules.index("-@all") < i for i, r in enumerate(rules) if r.startswith("+")),
              f"{label}: user {name} has a password and only rights it is given one by one"
              + (f" (broad: {broad})" if broad else ""))
    gateway = users.get("gateway", [])
    check(keys(gateway) == [prefix + "*"],
          f"{label}: gateway may touch only its rate-limit keys {prefix}* ({keys(gateway)})")
    check(not any(c.startswith("x") for c in commands(gateway)),
          f"{label}: gateway has no stream command")
    for name, rules in users.items():
        reach = any(fnmatch.fnmatchcase(stream, k) for k in keys(rules))
        writes = bool(commands(rules) & {"xadd", "@write", "@stream", "@all"})
        if name in STREAM_USERS:
            check(reach and "xadd" in commands(rules), f"{label}: {name} may write the stream {stream}")
        else:
            check(not (reach and writes), f"{label}: {name} may not write the stream {stream}")

dev_users, prod_users = parse(dev_acl), parse(template)
same = all(without_passwords(dev_users.get(n, [])) == without_passwords(prod_users.get(n, []))
           for n in set(dev_users) | set(prod_users) if n != "probe")
check(same, "the prod template has the dev file's rules, passwords aside")
check(all(p.startswith("SHA256-OF-") for n, r in prod_users.items() for p in passwords(r)),
      "the prod template holds placeholders, no password or hash")

urls = secret(next((d["metadata"]["name"] for d in docs if d.get("kind") == "Secret"
                    and d["metadata"]["name"].startswith("spaceduck-redis")), ""))
for user in ("gateway", "identity", "cert", "sync"):
    url = urllib.parse.urlsplit(urls.get(user, ""))
    check(url.username == user and url.password in passwords(dev_users.get(user, [])),
          f"dev: spaceduck-redis/{user} logs in as {user} with the file's password")
check(acl_secret.get("probe-password") in passwords(dev_users.get("probe", [])),
      "dev: the probe password is the probe user's")
check(set(commands(dev_users.get("probe", []))) == {"ping"} and not keys(dev_users.get("probe", [])),
      "dev: the probe user may only PING")
sys.exit(0 if ok else 1)
PY
fi

# The dev ACL file in a real Redis: each user can send what its service sends, and no more.
if [ -s "$work/users.acl" ] && command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
    --aclfile "$work/users.acl" >"$work/redis.log" 2>&1 &
  redis_pid=$!
  trap 'kill "$redis_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  pw() { sed -n "s/^user $1 .*>\([^ ]*\).*/\1/p" "$work/users.acl"; }
  # as USER, expect OK (any non-error answer) or DENIED (NOPERM/NOAUTH), then the command.
  redis_as() {
    local user="$1" want="$2"; shift 2
    local out
    if [ "$user" = "-" ]; then
      out="$(redis-cli -p "$port" "$@" 2>&1)"
    else
      out="$(REDISCLI_AUTH="$(pw "$user")" redis-cli -p "$port" --user "$user" "$@" 2>&1)"
    fi
    local got=OK
    case "$out" in NOPERM*|NOAUTH*|*"can't run this command"*|*"No permissions"*|*"no permissions"*) got=DENIED ;; ERR*|WRONGPASS*) got="ERROR: $out" ;; esac
    if [ "$got" = "$want" ]; then
      echo "PASS redis live: $user $* -> $want"
    else
      echo "FAIL redis live: $user $* -> expected $want, got $got ($out)"
      failed=1
    fi
  }
  if ! kill -0 "$redis_pid" 2>/dev/null; then
    echo "FAIL redis live: redis-server did not start with the dev ACL file: $(tail -n 1 "$work/redis.log")"
    failed=1
  else
    echo "PASS redis live: redis-server $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') loads the dev ACL file"
    script="local v = redis.call('GET', KEYS[1]); redis.call('SET', KEYS[1], '1', 'PX', 1000); return 1"
    redis_as - DENIED ping
    redis_as - DENIED get sd:rl:x
    redis_as probe OK ping
    redis_as probe DENIED get sd:rl:x
    redis_as gateway OK ping
    # The Quarkus (Vert.x) client logs in with HELLO 3 AUTH <user> <password>.
    redis_as - OK hello 3 auth gateway "$(pw gateway)"
    redis_as gateway OK script load "$script"
    redis_as gateway OK eval "$script" 1 sd:rl:ip:203.0.113.7
    redis_as gateway OK evalsha "$(redis-cli -p "$port" --user gateway --pass "$(pw gateway)" --no-auth-warning script load "$script")" 1 sd:rl:x
    redis_as gateway DENIED xadd spaceduck:events '*' event '{"type":"trust.elevated"}'
    redis_as gateway DENIED eval "return redis.call('XADD', KEYS[1], '*', 'event', '{}')" 1 spaceduck:events
    redis_as gateway DENIED eval "return redis.call('SET', KEYS[1], 'x')" 1 spaceduck:events
    redis_as gateway DENIED script flush
    redis_as gateway DENIED keys '*'
    for user in identity cert sync; do
      redis_as "$user" OK ping
      redis_as "$user" OK xadd spaceduck:events MAXLEN '~' 1000000 '*' event '{}'
      redis_as "$user" OK xgroup create spaceduck:events "$user-test" 0 MKSTREAM
      redis_as "$user" OK xreadgroup GROUP "$user-test" c1 COUNT 10 STREAMS spaceduck:events '>'
      redis_as "$user" OK xautoclaim spaceduck:events "$user-test" c1 0 0-0 COUNT 10
      redis_as "$user" OK xack spaceduck:events "$user-test" 0-1
      # The relay's loss check (XRANGE of its last entry) and its XADDs go in one MULTI/EXEC;
      # trimming reads the groups' positions first.
      redis_as "$user" OK xrange spaceduck:events 0-1 0-1
      redis_as "$user" OK xinfo groups spaceduck:events
      redis_as "$user" OK xpending spaceduck:events "$user-test"
      redis_as "$user" OK xtrim spaceduck:events MINID '~' 0-1
      out="$(printf 'MULTI\nXRANGE spaceduck:events 0-1 0-1\nXADD spaceduck:events * event {}\nEXEC\n' |
        REDISCLI_AUTH="$(pw "$user")" redis-cli -p "$port" --user "$user" 2>&1)"
      case "$out" in
        *NOPERM*|*ERR*|*EXECABORT*) echo "FAIL redis live: $user MULTI/XRANGE/XADD/EXEC -> $out"; failed=1 ;;
        *) echo "PASS redis live: $user MULTI/XRANGE/XADD/EXEC -> OK" ;;
      esac
      redis_as "$user" DENIED xinfo stream spaceduck:events full
      redis_as "$user" DENIED set sd:rl:x 1
      redis_as "$user" DENIED xgroup destroy spaceduck:events "$user-test"
      redis_as "$user" DENIED flushall
    done
    redis_as sync OK set spaceduck:sync:key-cache:x 1
    redis_as sync OK publish spaceduck:sync:invalidate x
    redis_as identity DENIED publish spaceduck:sync:invalidate x
  fi
  kill "$redis_pid" 2>/dev/null || true
  wait "$redis_pid" 2>/dev/null || true
  trap 'rm -rf "$work"' EXIT
else
  echo "PASS redis live: skipped (no redis-server/redis-cli here; the static ACL checks above still ran)"
fi

if [ "$failed" -ne 0 ]; then
  echo "check.sh: FAILED"
  exit 1
fi
echo "check.sh: all checks passed"

#!/usr/bin/env bash
# Offline sanity check of the manifests: renders base and both overlays with
# `kubectl kustomize` (no cluster needed) and checks that every Deployment's containers
# have a startup, liveness and readiness probe, CPU and memory limits, and run as
# non-root, and that the two ways the JVM options reach the JVM agree. Also checks that no Secret is rendered outside the dev overlay, that the
# example Secret is not used by any kustomization, and that prod runs 2+ replicas with an
# HPA per Deployment.
#
# Security properties (README.md, "Security"):
# - every pod meets the "restricted" Pod Security Standard and both namespaces enforce it;
# - the gateway trusts no proxy range wider than /16 (IPv4) or /64 (IPv6), never
#   10.0.0.0/8; the dev overlay sets one, prod sets one or keeps the placeholder the SRE
#   must replace (the gateway refuses to start with it);
# - every service's REDIS_URL comes from a secretKeyRef (its own key), none from a ConfigMap;
# - the dev Redis runs with an ACL file from a Secret, and that file and the prod template
#   carry the same rules: default user off, the gateway only on its rate-limit keys, only
#   identity, cert and sync on the event stream; the dev URLs' passwords match the file;
# - when redis-server is installed, the dev ACL file is loaded into a throwaway Redis on
#   127.0.0.1 and exercised with the commands each service sends (and some it must not).
# Prints one PASS/FAIL line per check; exits 1 if any check fails.
#
# Needs: kubectl (with its built-in kustomize), python3 with PyYAML; optionally
# redis-server and redis-cli.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in kubectl python3; do
  command -v "$tool" >/dev/null || { echo "FAIL prerequisite: $tool not found"; exit 1; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "FAIL prerequisite: python3 module yaml (PyYAML) not found"; exit 1; }

failed=0

# Example files and templates must never be applied by accident.
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

for target in base overlays/dev overlays/prod; do
  rendered="$work/${target//\//_}.yaml"
  if kubectl kustomize "$here/$target" >"$rendered" 2>"$rendered.err"; then
    echo "PASS $target: renders"
  else
    echo "FAIL $target: does not render: $(head -n 1 "$rendered.err")"
    failed=1
    continue
  fi

  python3 - "$target" "$rendered" <<'PY' || failed=1
import sys
import yaml

target, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    docs = [d for d in yaml.safe_load_all(f) if d]
ok = True

def check(cond, what):
    global ok
    print(f"{'PASS' if cond else 'FAIL'} {target}: {what}")
    ok = ok and bool(cond)

deployments = [d for d in docs if d.get("kind") == "Deployment"]
check(deployments, f"has Deployments ({len(deployments)})")

for d in deployments:
    name = d["metadata"]["name"]
    pod = d["spec"]["template"]["spec"]
    pod_non_root = (pod.get("securityContext") or {}).get("runAsNonRoot") is True
    for c in pod.get("containers", []):
        where = f"Deployment/{name} container {c['name']}"
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            check(c.get(probe), f"{where} has {probe}")
        limits = (c.get("resources") or {}).get("limits") or {}
        check("cpu" in limits and "memory" in limits,
              f"{where} has cpu and memory limits")
        c_non_root = (c.get("securityContext") or {}).get("runAsNonRoot")
        check(c_non_root is True or (pod_non_root and c_non_root is None),
              f"{where} has runAsNonRoot")

# The UBI launcher (JAVA_MAX_MEM_RATIO, GC_*) and JAVA_TOOL_OPTIONS must agree: two different
# collectors stop the JVM at start, and two heap shares make bench/memory measure the wrong one.
import re
config = next((d.get("data") or {} for d in docs
               if d.get("kind") == "ConfigMap" and d["metadata"]["name"].startswith("spaceduck-config")), {})
tool = config.get("JAVA_TOOL_OPTIONS", "")
launcher_gc = config.get("GC_CONTAINER_OPTIONS", "")
check(launcher_gc and launcher_gc in tool.split(),
      f"JAVA_TOOL_OPTIONS names the collector of GC_CONTAINER_OPTIONS ({launcher_gc or 'unset'})")
share = re.search(r"-XX:MaxRAMPercentage=([0-9.]+)", tool)
check(share and float(share.group(1)) == float(config.get("JAVA_MAX_MEM_RATIO", "-1")),
      "JAVA_TOOL_OPTIONS gives the heap the share of JAVA_MAX_MEM_RATIO")
for knob, flag in (("GC_MIN_HEAP_FREE_RATIO", "MinHeapFreeRatio"), ("GC_MAX_HEAP_FREE_RATIO", "MaxHeapFreeRatio")):
    check(f"-XX:{flag}={config.get(knob)}" in tool.split(), f"JAVA_TOOL_OPTIONS has {knob}")

# Only the dev overlay may carry a Secret (its obviously fake dev password).
secrets = [d["metadata"]["name"] for d in docs if d.get("kind") == "Secret"]
if target != "overlays/dev":
    check(not secrets, f"renders no Secret {secrets if secrets else ''}".rstrip())

if target == "overlays/prod":
    hpas = {d["spec"]["scaleTargetRef"]["name"]: d for d in docs
            if d.get("kind") == "HorizontalPodAutoscaler"}
    for d in deployments:
        name = d["metadata"]["name"]
        check(d["spec"].get("replicas", 1) >= 2, f"Deployment/{name} has 2+ replicas")
        check(name in hpas and hpas[name]["spec"].get("minReplicas", 1) >= 2,
              f"Deployment/{name} has an HPA with minReplicas 2+")

# --- Security: the restricted Pod Security Standard, for every pod template. ---
namespaces = [d for d in docs if d.get("kind") == "Namespace"]
for ns in namespaces:
    labels = ns["metadata"].get("labels") or {}
    check(labels.get("pod-security.kubernetes.io/enforce") == "restricted",
          f"Namespace/{ns['metadata']['name']} enforces the restricted Pod Security Standard")
if target != "base":
    check(namespaces, "renders its Namespace")

ALLOWED_VOLUMES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
                   "persistentVolumeClaim", "projected", "secret"}
for d in deployments:
    name = d["metadata"]["name"]
    pod = d["spec"]["template"]["spec"]
    psc = pod.get("securityContext") or {}
    problems = []
    for flag in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.get(flag):
            problems.append(flag)
    for v in pod.get("volumes") or []:
        kinds = set(v) - {"name"}
        if not kinds <= ALLOWED_VOLUMES:
            problems.append(f"volume {v['name']} is {sorted(kinds - ALLOWED_VOLUMES)}")
    for c in (pod.get("initContainers") or []) + pod.get("containers", []):
        csc = c.get("securityContext") or {}
        where = f"container {c['name']}"
        if csc.get("privileged"):
            problems.append(f"{where} privileged")
        if csc.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{where} allowPrivilegeEscalation not false")
        caps = csc.get("capabilities") or {}
        if "ALL" not in (caps.get("drop") or []):
            problems.append(f"{where} does not drop ALL capabilities")
        if set(caps.get("add") or []) - {"NET_BIND_SERVICE"}:
            problems.append(f"{where} adds capabilities {caps.get('add')}")
        if not (csc.get("runAsNonRoot") is True
                or (psc.get("runAsNonRoot") is True and csc.get("runAsNonRoot") is None)):
            problems.append(f"{where} runAsNonRoot")
        if csc.get("runAsUser", psc.get("runAsUser")) == 0:
            problems.append(f"{where} runs as uid 0")
        seccomp = (csc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
        if seccomp not in ("RuntimeDefault", "Localhost"):
            problems.append(f"{where} seccompProfile {seccomp}")
        for p in c.get("ports") or []:
            if p.get("hostPort"):
                problems.append(f"{where} hostPort {p['hostPort']}")
    check(not problems, f"Deployment/{name} meets the restricted Pod Security Standard"
          + (f" ({'; '.join(problems)})" if problems else ""))

# --- Security: each service's REDIS_URL from its own Secret key, none in a ConfigMap. ---
configmaps = {d["metadata"]["name"]: d.get("data") or {} for d in docs if d.get("kind") == "ConfigMap"}
holders = [n for n, data in configmaps.items() if "REDIS_URL" in data]
check(not holders, f"no ConfigMap carries REDIS_URL {holders if holders else ''}".rstrip())
SERVICES = ("gateway", "identity-service", "cert-service", "sync-service")
redis_keys = {}
for d in deployments:
    name = d["metadata"]["name"]
    if name not in SERVICES:
        continue
    c = d["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e for e in c.get("env") or []}
    ref = ((env.get("REDIS_URL") or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
    check(ref.get("name", "").startswith("spaceduck-redis") and ref.get("key"),
          f"Deployment/{name} reads REDIS_URL from a secretKeyRef ({ref.get('name')}/{ref.get('key')})")
    redis_keys[name] = ref.get("key")
check(sorted(redis_keys) == sorted(SERVICES)
      and len(set(redis_keys.values())) == len(SERVICES),
      "every service has its own REDIS_URL key " + str(sorted(set(redis_keys.values()), key=str)))

# --- Security: the gateway trusts the ingress controller only, never 10.0.0.0/8. ---
import ipaddress
PLACEHOLDER = "SET-ME-ingress-controller-pod-cidrs"
gw = next((d for d in deployments if d["metadata"]["name"] == "gateway"), None)
if gw is not None:
    c = gw["spec"]["template"]["spec"]["containers"][0]
    effective = {}
    for src in c.get("envFrom") or []:
        ref = (src.get("configMapRef") or {}).get("name")
        effective.update(configmaps.get(ref, {}))
    for e in c.get("env") or []:
        effective[e["name"]] = e.get("value", "<valueFrom>")
    raw = effective.get("SPACEDUCK_GATEWAY_TRUSTED_PROXIES")
    check(raw is not None, "the gateway gets SPACEDUCK_GATEWAY_TRUSTED_PROXIES")
    entries = [x.strip() for x in (raw or "").split(",") if x.strip()]
    wide = ipaddress.ip_network("10.0.0.0/8")
    bad = []
    for entry in entries:
        if target == "overlays/prod" and entry == PLACEHOLDER:
            continue
        try:
            net = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            bad.append(f"{entry}: not a CIDR")
            continue
        if net.version == 4 and (net.prefixlen < 16 or net.supernet_of(wide)):
            bad.append(f"{entry}: wider than /16")
        if net.version == 6 and net.prefixlen < 64:
            bad.append(f"{entry}: wider than /64")
    check(not bad, f"gateway trusted proxies are narrow, not 10.0.0.0/8 ({raw!r})"
          + (f": {'; '.join(bad)}" if bad else ""))
    if target == "overlays/dev":
        check(entries, "dev sets the gateway's trusted proxies")
    if target == "overlays/prod":
        check(entries, "prod sets the gateway's trusted proxies (or the placeholder to replace)")
        if entries == [PLACEHOLDER]:
            print(f"NOTE {target}: SPACEDUCK_GATEWAY_TRUSTED_PROXIES is still the placeholder; "
                  "set it before deploying (README.md#trusted-proxies)")

# --- Security (dev): the in-cluster Redis runs with an ACL file from a Secret. ---
if target == "overlays/dev":
    redis = next((d for d in deployments if d["metadata"]["name"] == "redis"), None)
    check(redis is not None, "has the in-cluster Redis")
    if redis is not None:
        pod = redis["spec"]["template"]["spec"]
        c = pod["containers"][0]
        argv = (c.get("command") or []) + (c.get("args") or [])
        aclfile = argv[argv.index("--aclfile") + 1] if "--aclfile" in argv[:-1] else None
        check(aclfile, f"Deployment/redis runs with --aclfile ({aclfile})")
        mounted = None
        for m in c.get("volumeMounts") or []:
            if aclfile and aclfile.startswith(m["mountPath"].rstrip("/") + "/"):
                vol = next(v for v in pod["volumes"] if v["name"] == m["name"])
                mounted = (vol.get("secret") or {}).get("secretName")
        check(mounted, f"Deployment/redis reads its ACL file from a Secret ({mounted})")
        with open(path + ".acl-secret", "w") as out:
            out.write(mounted or "")

sys.exit(0 if ok else 1)
PY
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

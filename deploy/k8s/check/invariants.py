#!/usr/bin/env python3
"""Invariants of one rendered kustomization, tying the manifests to each other and to the code.

Usage: invariants.py <label> <rendered.yaml> <repo-root>

Prints one line per check, `PASS [id] ...` or `FAIL [id] ...`; exits 1 if any check fails. The
ids let check.sh's negative fixtures say which check must reject them. What the services read
(ports, config keys, JWT use) comes from their application.properties, the platform's
microprofile-config.properties and their @ConfigMapping interfaces.
"""

import base64
import ipaddress
import re
import sys
from pathlib import Path

import yaml

label, rendered_path, repo = sys.argv[1], sys.argv[2], Path(sys.argv[3])
k8s = repo / "deploy" / "k8s"
docs = [d for d in yaml.safe_load_all(open(rendered_path)) if d]
ok = True
is_prod = "prod" in label
is_dev = "dev" in label


def check(cid, cond, what):
    global ok
    print(f"{'PASS' if cond else 'FAIL'} [{cid}] {label}: {what}")
    ok = ok and bool(cond)


def of_kind(kind):
    return [d for d in docs if d.get("kind") == kind]


deployments = {d["metadata"]["name"]: d for d in of_kind("Deployment")}
configmaps = {d["metadata"]["name"]: d.get("data") or {} for d in of_kind("ConfigMap")}
services_k8s = {d["metadata"]["name"]: d for d in of_kind("Service")}
# kustomize's suffix: 10 characters without vowels (so no word is taken for one).
HASH = re.compile(r"-[bcdfghjklmnpqrstvwxz2-9]{10}$")


def base_name(name):
    """A generated object's name without kustomize's hash suffix."""
    return HASH.sub("", name) if name else name


# --- What the code says ------------------------------------------------------------------

SERVICES = ["gateway", "identity-service", "cert-service", "sync-service"]
DATABASE_SERVICES = ["identity-service", "cert-service", "sync-service"]


def modules(service):
    mods = [repo / service, repo / "platform" / "core"]
    if service in DATABASE_SERVICES:
        mods.append(repo / "platform" / "events")
    return mods


def properties(service):
    """Key -> value of the service's config files, lowest priority first (profiles stripped
    into `profiled`, which only count as keys the service knows)."""
    values, profiled = {}, set()
    files = [repo / "platform/core/src/main/resources/META-INF/microprofile-config.properties"]
    if service in DATABASE_SERVICES:
        files.append(repo / "platform/events/src/main/resources/META-INF/microprofile-config.properties")
    files.append(repo / service / "src/main/resources/application.properties")
    refs = set()
    for f in files:
        for line in f.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, value = line.split("=", 1)
            key = key.strip()
            refs.update(m.group(1) for m in re.finditer(r"\$\{([^:}]+)", value))
            if key.startswith("%"):
                profiled.add(key.split(".", 1)[1])
            else:
                values[key] = value.strip()
    return values, profiled, refs


def kebab(name):
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name).lower()


def env_name(key):
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def mapping_patterns(service):
    """Regexes of the env names of every key under the service's @ConfigMapping interfaces."""
    patterns = []
    for mod in modules(service):
        for java in (mod / "src/main/java").rglob("*.java"):
            text = java.read_text()
            root = re.search(r'@ConfigMapping\(prefix\s*=\s*"([^"]+)"\)\s*public\s+interface\s+(\w+)', text)
            if not root:
                continue
            interfaces, stack, depth, pending = {}, [], 0, None
            for line in text.splitlines():
                m = re.search(r"\binterface\s+(\w+)", line)
                if m and "{" in line:
                    pending = m.group(1)
                mm = re.match(r"\s*(?:@\w+(?:\([^)]*\))?\s+)*([\w<>?,.@()\s]+?)\s+(\w+)\(\);", line)
                if mm and stack and depth == stack[-1][1] and not line.strip().startswith(("return", "//", "*")):
                    interfaces[stack[-1][0]].append((mm.group(2), mm.group(1).strip()))
                for ch in line:
                    if ch == "{":
                        depth += 1
                        if pending:
                            stack.append((pending, depth))
                            interfaces.setdefault(pending, [])
                            pending = None
                    elif ch == "}":
                        if stack and stack[-1][1] == depth:
                            stack.pop()
                        depth -= 1

            def walk(iface, path, seen):
                for method, rtype in interfaces.get(iface, []):
                    p = path + [kebab(method)]
                    inner = re.sub(r"@\w+(\([^)]*\))?\s*", "", rtype)
                    generic = re.match(r"(Map|Optional|List)<(?:String,\s*)?(\w+)", inner)
                    target = generic.group(2) if generic else inner
                    if generic and generic.group(1) in ("Map", "List"):
                        p = p + ["*"]
                    if target in interfaces and target not in seen:
                        walk(target, p, seen | {target})
                    else:
                        patterns.append(p)

            walk(root.group(2), root.group(1).split("."), {root.group(2)})
    return [re.compile("^" + "_".join("[A-Z0-9_]+" if part == "*" else env_name(part) for part in p) + "$")
            for p in patterns]


# Read by the process, not by Quarkus config: the JVM, the UBI launcher, glibc.
PROCESS_ENV = {"JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX"}
# Quarkus's own runtime keys the manifests set without a line in application.properties.
QUARKUS_KEYS = {"QUARKUS_SHUTDOWN_TIMEOUT": "quarkus.shutdown.timeout"}
# The migrator the services' images ship (platform-migrations), and its class path in the JVM
# image (deploy/docker/Dockerfile.jvm): [migrations], [native-heap].
MIGRATOR = "com.spaceduck.platform.migrations.Migrate"
MIGRATOR_CLASS_PATH = {"/deployments/lib/main/*", "/deployments/app/*"}

code = {}
for s in SERVICES:
    values, profiled, refs = properties(s)
    known = {env_name(k) for k in values} | {env_name(k) for k in profiled} | {env_name(r) for r in refs}
    code[s] = {
        "values": values,
        "known": known,
        "patterns": mapping_patterns(s),
        "http": int(values.get("quarkus.http.port", "8080")),
        "management": int(values.get("quarkus.management.port", "9000")),
        "management_enabled": values.get("quarkus.management.enabled") == "true",
        "root": values.get("quarkus.management.root-path", "/q").rstrip("/"),
        "verifies_jwt": any(k.startswith("mp.jwt.verify") for k in known | set(values))
        or "MP_JWT_VERIFY_PUBLICKEY_LOCATION" in known,
        "signs_jwt": "SMALLRYE_JWT_SIGN_KEY_LOCATION" in known,
    }


def reads(service, env):
    c = code[service]
    return env in c["known"] or env in PROCESS_ENV or env in QUARKUS_KEYS or any(p.match(env) for p in c["patterns"])


# --- Helpers over the manifests -------------------------------------------------------------

def pod(d):
    return d["spec"]["template"]["spec"]


def containers(d):
    return (pod(d).get("initContainers") or []) + pod(d).get("containers", [])


def main_container(d):
    return pod(d)["containers"][0]


def env_of(c):
    """Every env var a container gets: its env list and the keys of the ConfigMaps it takes whole."""
    names = {}
    for src in c.get("envFrom") or []:
        ref = (src.get("configMapRef") or {}).get("name")
        for k, v in configmaps.get(ref, {}).items():
            names[k] = v
        sref = (src.get("secretRef") or {}).get("name")
        if sref:
            names[f"<all keys of Secret {sref}>"] = None
    for e in c.get("env") or []:
        names[e["name"]] = e.get("value", e.get("valueFrom"))
    return names


def port_number(c, port):
    if isinstance(port, int):
        return port
    return next((p["containerPort"] for p in c.get("ports") or [] if p.get("name") == port), None)


def cpu_millis(q):
    q = str(q)
    return int(q[:-1]) if q.endswith("m") else int(float(q) * 1000)


def mib(q):
    q = str(q)
    for suffix, factor in (("Gi", 1024), ("Mi", 1), ("Ki", 1 / 1024), ("G", 1e9 / 2**20), ("M", 1e6 / 2**20)):
        if q.endswith(suffix):
            return float(q[: -len(suffix)]) * factor
    return float(q) / 2**20


present = [s for s in SERVICES if s in deployments]
check("services", present, f"renders the services' Deployments ({len(present)} of {len(SERVICES)})")

# --- [probes] probes, ports and scraping point at the management interface ------------------
for s in present:
    d, c, conf = deployments[s], main_container(deployments[s]), code[s]
    env = env_of(c)
    mgmt = int(env.get("QUARKUS_MANAGEMENT_PORT") or conf["management"])
    http = int(env.get("QUARKUS_HTTP_PORT") or conf["http"])
    check("probes", conf["management_enabled"], f"{s}: quarkus.management.enabled=true in its config")
    check("probes", port_number(c, "http") == http and port_number(c, "management") == mgmt,
          f"{s}: container ports http={port_number(c, 'http')} management={port_number(c, 'management')} "
          f"are quarkus.http.port={http} and quarkus.management.port={mgmt}")
    for probe, leaf in (("startupProbe", "started"), ("livenessProbe", "live"), ("readinessProbe", "ready")):
        get = (c.get(probe) or {}).get("httpGet") or {}
        want = f"{conf['root']}/health/{leaf}"
        check("probes", get.get("path") == want and port_number(c, get.get("port")) == mgmt,
              f"{s}: {probe} is GET {want} on the management port {mgmt} "
              f"(is {get.get('path')} on {get.get('port')})")
    ann = d["spec"]["template"]["metadata"].get("annotations") or {}
    if "prometheus.io/scrape" in ann:
        check("probes", ann.get("prometheus.io/port") == str(mgmt) and ann.get("prometheus.io/path") == f"{conf['root']}/metrics",
              f"{s}: prometheus.io annotations scrape {conf['root']}/metrics on {mgmt}")
    svc = services_k8s.get(s)
    if svc:
        ports = {p.get("name"): p for p in svc["spec"]["ports"]}
        check("probes", port_number(c, (ports.get("management") or {}).get("targetPort")) == mgmt
              and port_number(c, (ports.get("http") or {}).get("targetPort")) == http,
              f"Service/{s}: port http -> {http}, port management -> {mgmt}")
for sm in of_kind("ServiceMonitor"):
    eps = sm["spec"].get("endpoints") or []
    check("probes", eps and all(e.get("port") == "management" and e.get("path") == "/q/metrics" for e in eps),
          f"ServiceMonitor/{sm['metadata']['name']} scrapes /q/metrics on the Services' management port")

# --- [env] every env var a manifest sets is a key the service reads -------------------------
for s in present:
    unknown = []
    for c in containers(deployments[s]):
        for name in env_of(c):
            if not reads(s, name):
                unknown.append(f"{c['name']}: {name}")
    check("env", not unknown, f"{s}: every env var is a config key it reads"
          + (f" (unknown: {', '.join(unknown)})" if unknown else ""))

# --- [secrets] every Secret referenced is documented in deploy/k8s/README.md ---------------
readme = (k8s / "README.md").read_text()
section = readme.split("\n## Secrets", 1)[1].split("\n## ", 1)[0] if "\n## Secrets" in readme else ""
documented = set(re.findall(r"^\| `([a-z0-9.-]+)`", section, re.M))
check("secrets", documented, f"README.md has a Secrets table ({len(documented)} Secrets)")
referenced = {}
for d in deployments.values():
    for c in containers(d):
        for e in c.get("env") or []:
            ref = ((e.get("valueFrom") or {}).get("secretKeyRef") or {}).get("name")
            if ref:
                referenced.setdefault(base_name(ref), set()).add(d["metadata"]["name"])
        for src in c.get("envFrom") or []:
            ref = (src.get("secretRef") or {}).get("name")
            if ref:
                referenced.setdefault(base_name(ref), set()).add(d["metadata"]["name"])
    for v in pod(d).get("volumes") or []:
        ref = (v.get("secret") or {}).get("secretName")
        if ref:
            referenced.setdefault(base_name(ref), set()).add(d["metadata"]["name"])
        for source in (v.get("projected") or {}).get("sources") or []:
            ref = (source.get("secret") or {}).get("name")
            if ref:
                referenced.setdefault(base_name(ref), set()).add(d["metadata"]["name"])
    for ref in pod(d).get("imagePullSecrets") or []:
        referenced.setdefault(ref["name"], set()).add(d["metadata"]["name"])
for ing in of_kind("Ingress"):
    for t in ing["spec"].get("tls") or []:
        if t.get("secretName"):
            referenced.setdefault(t["secretName"], set()).add(f"Ingress/{ing['metadata']['name']}")
for name, users in sorted(referenced.items()):
    check("secrets", name in documented, f"Secret {name} (used by {', '.join(sorted(users))}) is documented")

# --- [default-deny] default deny, ingress and egress, and no allow-all rule ----------------
policies = of_kind("NetworkPolicy")
deny = [p for p in policies if not (p["spec"].get("podSelector") or {}).get("matchLabels")
        and not (p["spec"].get("podSelector") or {}).get("matchExpressions")
        and {"Ingress", "Egress"} <= set(p["spec"].get("policyTypes") or [])
        and not p["spec"].get("ingress") and not p["spec"].get("egress")]
check("default-deny", deny, f"a NetworkPolicy denies all ingress and egress of every pod ({[p['metadata']['name'] for p in deny]})")
allow_all = [p["metadata"]["name"] for p in policies
             for rule in (p["spec"].get("ingress") or []) + (p["spec"].get("egress") or [])
             if not rule.get("from") and not rule.get("to")]
check("default-deny", not allow_all, "no NetworkPolicy rule allows every peer" + (f" ({allow_all})" if allow_all else ""))
dns = [p for p in policies if not (p["spec"].get("podSelector") or {}).get("matchLabels")
       and any(port.get("port") == 53 for rule in p["spec"].get("egress") or [] for port in rule.get("ports") or [])]
check("default-deny", dns, "every pod may reach DNS (port 53)")
for s in present:
    labels = deployments[s]["spec"]["template"]["metadata"]["labels"]

    def selects(p):
        sel = p["spec"].get("podSelector") or {}
        if any(labels.get(k) != v for k, v in (sel.get("matchLabels") or {}).items()):
            return False
        for e in sel.get("matchExpressions") or []:
            if e["operator"] == "In" and labels.get(e["key"]) not in e["values"]:
                return False
        return True

    egress = [p for p in policies if selects(p) and "Egress" in (p["spec"].get("policyTypes") or []) and p["spec"].get("egress")]
    ingress = [p for p in policies if selects(p) and "Ingress" in (p["spec"].get("policyTypes") or []) and p["spec"].get("ingress")]
    ports = {port.get("port") for p in ingress for rule in p["spec"]["ingress"] for port in rule.get("ports") or []}
    check("default-deny", "management" in ports or code[s]["management"] in ports,
          f"{s}: monitoring may reach its management port")
    if s in DATABASE_SERVICES:
        targets = {port.get("port") for p in egress for rule in p["spec"]["egress"] for port in rule.get("ports") or []}
        check("default-deny", 5432 in targets and 6379 in targets, f"{s}: may reach PostgreSQL (5432) and Redis (6379)")

# --- [ingress] no public path reaches /q/*, only the gateway's http port -------------------
gw_http = code["gateway"]["http"]
for ing in of_kind("Ingress"):
    name = ing["metadata"]["name"]
    check("ingress", not ing["spec"].get("defaultBackend"), f"Ingress/{name} has no defaultBackend (it would take every path)")
    for rule in ing["spec"].get("rules") or []:
        for p in (rule.get("http") or {}).get("paths") or []:
            path, kind = p.get("path", ""), p.get("pathType")
            trimmed = path.rstrip("/")
            reaches_q = (trimmed in ("", "/q") or path.startswith("/q/")
                         or (kind == "Prefix" and "/q".startswith(trimmed)))
            check("ingress", kind in ("Prefix", "Exact") and not reaches_q,
                  f"Ingress/{name} {rule.get('host')}{path} ({kind}) cannot reach /q/*")
            backend = (p.get("backend") or {}).get("service") or {}
            svc = services_k8s.get(backend.get("name"))
            port = backend.get("port") or {}
            sport = next((sp for sp in (svc or {}).get("spec", {}).get("ports", [])
                          if sp.get("name") == port.get("name") or sp.get("port") == port.get("number")), None)
            target = sport and sport.get("targetPort")
            ok_backend = (svc is not None and backend.get("name") == "gateway" and sport is not None
                          and (target == "http" or target == gw_http))
            check("ingress", ok_backend, f"Ingress/{name} {path} goes to the gateway's http port only "
                  f"({backend.get('name')}:{port.get('name') or port.get('number')})")

# --- [images] image references are qualified; prod pins a release --------------------------
for d in deployments.values():
    for c in containers(d):
        image = c.get("image", "")
        head = image.split("/", 1)[0]
        qualified = "/" in image and ("." in head or ":" in head or head == "localhost")
        pinned = "@sha256:" in image or re.search(r":[^/:]+$", image)
        check("images", qualified and pinned, f"Deployment/{d['metadata']['name']} {c['name']}: {image} names its registry and a tag or digest")
        if is_prod and d["metadata"]["name"] in SERVICES:
            release = re.search(r"@sha256:[0-9a-f]{64}$", image) or re.search(r":\d+\.\d+\.\d+(-[A-Za-z0-9.]+)?$", image)
            check("images", release, f"Deployment/{d['metadata']['name']} {c['name']}: {image} is a digest or a release tag")
if is_prod:
    releases = {re.split(r"[:@]", main_container(deployments[s])["image"].rsplit("/", 1)[1], 1)[1] for s in present}
    check("images", len(releases) == 1, f"the four services run one release ({sorted(releases)})")

# --- [namespace] the namespace (with its hand-made Secrets) is not part of the overlay -----
check("namespace", not of_kind("Namespace"), "renders no Namespace, so `kubectl delete -k` keeps it and its Secrets")

# --- [native-heap] a native executable's heap is capped below its memory limit -------------
capped = {}
for s in present:
    for c in containers(deployments[s]):
        xmx = next((a for a in c.get("args") or [] if a.startswith("-Xmx")), None)
        if xmx:
            capped[(s, c["name"])] = (xmx, (c.get("resources") or {}).get("limits", {}).get("memory"))
if capped:
    for s in present:
        for c in containers(deployments[s]):
            if MIGRATOR in (c.get("command") or []):
                continue  # the migrator runs the JVM image (components/native), sized by its settings
            xmx, limit = capped.get((s, c["name"]), (None, None))
            if xmx is None:
                check("native-heap", False, f"{s} {c['name']}: a heap cap (-Xmx) like the other containers")
                continue
            m = re.match(r"-Xmx(\d+)([mMgG])$", xmx)
            heap = int(m.group(1)) * (1024 if m.group(2) in "gG" else 1) if m else None
            check("native-heap", heap and limit and heap <= 0.6 * mib(limit),
                  f"{s} {c['name']}: {xmx} is at most 60% of its {limit} limit")

# --- [jwt] the JWT key only where the service uses it; one issuer everywhere --------------
issuer_refs = {}
for s in present:
    d = deployments[s]
    for v in pod(d).get("volumes") or []:
        if base_name((v.get("secret") or {}).get("secretName")) == "identity-jwt":
            items = {i["key"] for i in v["secret"].get("items") or []} or {"private.pem", "public.pem"}
            check("jwt", code[s]["verifies_jwt"], f"{s} mounts identity-jwt and verifies sd_tokens (mp.jwt.verify)")
            check("jwt", "private.pem" not in items or code[s]["signs_jwt"],
                  f"{s}: the private key only where tokens are signed ({sorted(items)})")
    for c in containers(d):
        for e in c.get("env") or []:
            if e["name"] in ("SPACEDUCK_IDENTITY_TOKEN_ISSUER", "MP_JWT_VERIFY_ISSUER", "SPACEDUCK_GATEWAY_JWT_ISSUER"):
                ref = (e.get("valueFrom") or {}).get("configMapKeyRef") or {}
                issuer_refs[(s, c["name"])] = (ref.get("name"), ref.get("key"))
mains = {s: issuer_refs.get((s, s)) for s in present}
check("jwt", len(set(mains.values())) == 1 and None not in mains.values(),
      f"every service takes the sd_token issuer from one ConfigMap key ({sorted(set(map(str, mains.values())))})")
ref = next(iter(mains.values()), None)
if ref and ref[0] in configmaps:
    issuer_host = re.sub(r"^https?://([^/]+).*", r"\1", configmaps[ref[0]].get(ref[1], ""))
    hosts = {r.get("host") for ing in of_kind("Ingress") for r in ing["spec"].get("rules") or []}
    check("jwt", hosts == {issuer_host}, f"the issuer's host {issuer_host} is the Ingress host {sorted(map(str, hosts))}")

# --- [accounts] one ServiceAccount per service, no token ----------------------------------
accounts = {d["metadata"]["name"]: d for d in of_kind("ServiceAccount")}
for s in present:
    sa = pod(deployments[s]).get("serviceAccountName")
    check("accounts", sa == s and s in accounts and accounts[s].get("automountServiceAccountToken") is False
          and pod(deployments[s]).get("automountServiceAccountToken") is False,
          f"{s} runs as its own ServiceAccount without a token ({sa})")

# --- [migrations] the migrator before the service, as the schema owner; the service cannot --
# The migrate init container runs the migrator the service's image ships (platform-migrations:
# plain Java and Flyway, on the image's jars, deploy/docker/Dockerfile.jvm), as the schema owner;
# the same repository and release as the service (a native service's init container runs the
# JVM image of its release: tag X for X-native, components/native). The service has no Flyway:
# no migration setting, no migrator, the runtime user.


def image_parts(image):
    """(repository, tag or digest) of an image reference."""
    if "@" in image:
        return tuple(image.split("@", 1))
    head, _, last = image.rpartition("/")
    name, _, tag = last.partition(":")
    return (f"{head}/{name}" if head else name), tag


def migration_settings(c):
    return sorted(n for n in env_of(c) if "FLYWAY" in n or n == "QUARKUS_INIT_AND_EXIT")


for s in present:
    if s not in DATABASE_SERVICES:
        continue
    d = deployments[s]
    init = next((c for c in pod(d).get("initContainers") or [] if c["name"] == "migrate"), None)
    main = main_container(d)

    def secret_of(c, var):
        e = next((e for e in c.get("env") or [] if e["name"] == var), {})
        return base_name(((e.get("valueFrom") or {}).get("secretKeyRef") or {}).get("name"))

    command = (init or {}).get("command") or []
    class_path = set(command[command.index("-cp") + 1].split(":")) if "-cp" in command[:-1] else set()
    check("migrations", init is not None and command[:1] == ["java"] and command[-1:] == [MIGRATOR]
          and MIGRATOR_CLASS_PATH <= class_path and not init.get("args"),
          f"{s}: init container migrate runs the migrator ({MIGRATOR}) on the image's jars "
          f"({' '.join(command) or 'no command'})")
    check("migrations", init is not None and secret_of(init, "PGUSER") == "spaceduck-postgres-migrations"
          and secret_of(init, "PGPASSWORD") == "spaceduck-postgres-migrations"
          and not migration_settings(init),
          f"{s}: init container migrate runs as spaceduck-postgres-migrations, without Quarkus settings")
    if init is not None:
        (init_repo, init_tag), (main_repo, main_tag) = image_parts(init["image"]), image_parts(main["image"])
        check("migrations", init_repo == main_repo and main_tag in (init_tag, f"{init_tag}-native"),
              f"{s}: init container migrate runs the service's own JVM image ({init['image']} for {main['image']})")
    check("migrations", not migration_settings(main) and MIGRATOR not in (main.get("command") or []) + (main.get("args") or [])
          and secret_of(main, "PGUSER") == "spaceduck-postgres",
          f"{s}: the service itself has no migration settings ({', '.join(migration_settings(main)) or 'none'}) "
          f"and runs as spaceduck-postgres")

# --- [spread] replicas spread over zones and nodes ------------------------------------------
for s in present:
    tsc = {t["topologyKey"]: t for t in pod(deployments[s]).get("topologySpreadConstraints") or []}
    zone = tsc.get("topology.kubernetes.io/zone")
    check("spread", zone and "kubernetes.io/hostname" in tsc
          and (not is_prod or zone.get("whenUnsatisfiable") == "DoNotSchedule"),
          f"{s}: spread over zones{' (hard)' if is_prod else ''} and nodes")

# --- [sizing] requests the HPA can use ------------------------------------------------------
for h in of_kind("HorizontalPodAutoscaler"):
    target = h["spec"]["scaleTargetRef"]["name"]
    c = main_container(deployments[target])
    request = cpu_millis(((c.get("resources") or {}).get("requests") or {}).get("cpu", "0"))
    util = next((m["resource"]["target"].get("averageUtilization") for m in h["spec"].get("metrics") or []
                 if m.get("type") == "Resource" and m["resource"]["name"] == "cpu"), None)
    check("sizing", util and request * util / 100 >= 150,
          f"HPA/{target} scales at {request * (util or 0) // 100}m CPU per pod, not at an idle JVM's (>= 150m)")

# --- Pod basics and the restricted Pod Security Standard -----------------------------------
ALLOWED_VOLUMES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
                   "persistentVolumeClaim", "projected", "secret"}
for d in deployments.values():
    name, p = d["metadata"]["name"], pod(d)
    psc = p.get("securityContext") or {}
    problems = [f for f in ("hostNetwork", "hostPID", "hostIPC") if p.get(f)]
    for v in p.get("volumes") or []:
        kinds = set(v) - {"name"}
        if not kinds <= ALLOWED_VOLUMES:
            problems.append(f"volume {v['name']} is {sorted(kinds - ALLOWED_VOLUMES)}")
    for c in containers(d):
        csc = c.get("securityContext") or {}
        where = f"container {c['name']}"
        limits = (c.get("resources") or {}).get("limits") or {}
        if "cpu" not in limits or "memory" not in limits:
            problems.append(f"{where} without cpu and memory limits")
        if csc.get("privileged"):
            problems.append(f"{where} privileged")
        if csc.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{where} allowPrivilegeEscalation not false")
        caps = csc.get("capabilities") or {}
        if "ALL" not in (caps.get("drop") or []):
            problems.append(f"{where} does not drop ALL capabilities")
        if set(caps.get("add") or []) - {"NET_BIND_SERVICE"}:
            problems.append(f"{where} adds capabilities {caps.get('add')}")
        if not (csc.get("runAsNonRoot") is True or (psc.get("runAsNonRoot") is True and csc.get("runAsNonRoot") is None)):
            problems.append(f"{where} runAsNonRoot")
        if csc.get("runAsUser", psc.get("runAsUser")) == 0:
            problems.append(f"{where} runs as uid 0")
        seccomp = (csc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
        if seccomp not in ("RuntimeDefault", "Localhost"):
            problems.append(f"{where} seccompProfile {seccomp}")
        for port in c.get("ports") or []:
            if port.get("hostPort"):
                problems.append(f"{where} hostPort {port['hostPort']}")
    for c in p.get("containers", []):
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            if not c.get(probe):
                problems.append(f"container {c['name']} has no {probe}")
    check("pods", not problems, f"Deployment/{name} has probes and limits and meets the restricted Pod Security Standard"
          + (f" ({'; '.join(problems)})" if problems else ""))

# The JVM's options come from JAVA_TOOL_OPTIONS alone (the image starts `java` itself): exactly one
# collector (two stop the JVM at start), a heap share of the container's limit, and an exit on
# OutOfMemoryError so Kubernetes restarts the pod rather than leaving it limping.
runtime = next((data for n, data in configmaps.items() if base_name(n) == "spaceduck-runtime"), {})
tool = runtime.get("JAVA_TOOL_OPTIONS", "").split()
collectors = [o for o in tool if re.fullmatch(r"-XX:\+Use\w+GC", o)]
# The share must be given twice: where the share of the limit falls below the JVM's default
# maximum heap of about 125 MiB (under 625 MiB for 20%) the JVM ignores MaxRAMPercentage and
# takes MinRAMPercentage of the limit or 125 MiB, whichever is larger (MinRAMPercentage
# defaults to 50%): a 256Mi pod got a 126 MiB heap instead of 52 MiB. With both equal the heap
# is the same share at every limit.
def share(flag):
    return next((o.split("=", 1)[1] for o in tool if o.startswith(f"-XX:{flag}=")), None)
check("jvm", len(collectors) == 1 and share("MaxRAMPercentage") is not None
      and share("MinRAMPercentage") == share("MaxRAMPercentage")
      and "-XX:+ExitOnOutOfMemoryError" in tool,
      f"JAVA_TOOL_OPTIONS names one collector {collectors}, one heap share (MaxRAMPercentage and "
      f"MinRAMPercentage equal) and exit on OutOfMemoryError")

# Only the dev overlay may carry a Secret (its obviously fake dev passwords).
secrets = [d["metadata"]["name"] for d in of_kind("Secret")]
if not is_dev:
    check("pods", not secrets, f"renders no Secret {secrets if secrets else ''}".rstrip())

if is_prod:
    hpas = {d["spec"]["scaleTargetRef"]["name"]: d for d in of_kind("HorizontalPodAutoscaler")}
    for s in present:
        check("sizing", deployments[s]["spec"].get("replicas", 1) >= 2 and s in hpas
              and hpas[s]["spec"].get("minReplicas", 1) >= 2, f"Deployment/{s} has 2+ replicas and an HPA with minReplicas 2+")

# --- Each service's REDIS_URL from its own Secret key, none in a ConfigMap -----------------
holders = [n for n, data in configmaps.items() if "REDIS_URL" in data]
check("redis", not holders, f"no ConfigMap carries REDIS_URL {holders if holders else ''}".rstrip())
redis_keys = {}
for s in present:
    e = next((e for e in main_container(deployments[s]).get("env") or [] if e["name"] == "REDIS_URL"), {})
    ref = (e.get("valueFrom") or {}).get("secretKeyRef") or {}
    check("redis", base_name(ref.get("name")) == "spaceduck-redis" and ref.get("key"),
          f"Deployment/{s} reads REDIS_URL from a secretKeyRef ({ref.get('name')}/{ref.get('key')})")
    redis_keys[s] = ref.get("key")
check("redis", len(set(redis_keys.values())) == len(present), "every service has its own REDIS_URL key")

# --- The gateway trusts the ingress controller only, never 10.0.0.0/8 ---------------------
PLACEHOLDER = "SET-ME-ingress-controller-pod-cidrs"
if "gateway" in deployments:
    raw = env_of(main_container(deployments["gateway"])).get("SPACEDUCK_GATEWAY_TRUSTED_PROXIES")
    entries = [x.strip() for x in (raw or "").split(",") if x.strip()]
    bad = []
    for entry in entries:
        if is_prod and entry == PLACEHOLDER:
            continue
        try:
            net = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            bad.append(f"{entry}: not a CIDR")
            continue
        if net.version == 4 and (net.prefixlen < 16 or net.supernet_of(ipaddress.ip_network("10.0.0.0/8"))):
            bad.append(f"{entry}: wider than /16")
        if net.version == 6 and net.prefixlen < 64:
            bad.append(f"{entry}: wider than /64")
    check("proxies", raw is not None and not bad and (entries or not (is_dev or is_prod)),
          f"gateway trusted proxies are set and narrow, never 10.0.0.0/8 ({raw!r})" + (f": {'; '.join(bad)}" if bad else ""))
    if entries == [PLACEHOLDER]:
        print(f"NOTE {label}: SPACEDUCK_GATEWAY_TRUSTED_PROXIES is still the placeholder; "
              "set it before deploying (README.md#trusted-proxies)")

# --- Dev: the in-cluster Redis keeps its data and runs with an ACL file from a Secret ------
if is_dev and "redis" in deployments:
    r = deployments["redis"]
    c = main_container(r)
    argv = (c.get("command") or []) + (c.get("args") or [])

    def arg(flag):
        return argv[argv.index(flag) + 1] if flag in argv[:-1] else None

    check("redis", arg("--appendonly") == "yes" and arg("--appendfsync") == "everysec"
          and arg("--maxmemory-policy") == "noeviction",
          "Deployment/redis: AOF fsynced every second, no eviction")
    data_mount = next((m for m in c.get("volumeMounts") or [] if m["mountPath"] == "/data"), None)
    data_vol = next((v for v in pod(r).get("volumes") or [] if data_mount and v["name"] == data_mount["name"]), {})
    check("redis", "persistentVolumeClaim" in data_vol, "Deployment/redis keeps /data on a PersistentVolumeClaim")
    aclfile = arg("--aclfile")
    mounted = None
    for m in c.get("volumeMounts") or []:
        if aclfile and aclfile.startswith(m["mountPath"].rstrip("/") + "/"):
            vol = next(v for v in pod(r)["volumes"] if v["name"] == m["name"])
            mounted = (vol.get("secret") or {}).get("secretName")
    check("redis", aclfile and mounted, f"Deployment/redis runs with --aclfile from a Secret ({mounted})")
    with open(rendered_path + ".acl-secret", "w") as out:
        out.write(mounted or "")

sys.exit(0 if ok else 1)

#!/usr/bin/env bash
# Offline sanity check of the manifests: renders base and both overlays with
# `kubectl kustomize` (no cluster needed) and checks that every Deployment's containers
# have a startup, liveness and readiness probe, CPU and memory limits, and run as
# non-root, and that the two ways the JVM options reach the JVM agree. Also checks that no Secret is rendered outside the dev overlay, that the
# example Secret is not used by any kustomization, and that prod runs 2+ replicas with an
# HPA per Deployment. Prints one PASS/FAIL line per check; exits 1 if any check fails.
#
# Needs: kubectl (with its built-in kustomize), python3 with PyYAML.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in kubectl python3; do
  command -v "$tool" >/dev/null || { echo "FAIL prerequisite: $tool not found"; exit 1; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "FAIL prerequisite: python3 module yaml (PyYAML) not found"; exit 1; }

failed=0

# The example Secret must never be applied by accident.
if grep -rqs 'secret-postgres.example.yaml' --include=kustomization.yaml "$here"; then
  echo "FAIL secret-postgres.example.yaml is referenced by a kustomization"
  failed=1
else
  echo "PASS secret-postgres.example.yaml is not referenced by any kustomization"
fi

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

sys.exit(0 if ok else 1)
PY
done

if [ "$failed" -ne 0 ]; then
  echo "check.sh: FAILED"
  exit 1
fi
echo "check.sh: all checks passed"

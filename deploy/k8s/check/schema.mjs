// Validates rendered manifests against the Kubernetes schemas, offline, in two passes:
//  1. kubernetes-models' validators (the Kubernetes OpenAPI schemas compiled with ajv): types,
//     required fields, enums and formats;
//  2. TypeScript's excess-property check against the same package's type declarations, which
//     the validators do not do: a field the API does not know (a typo, a field at the wrong
//     level) is an error, as `kubectl apply --validate=strict` would make it.
// Usage: node schema.mjs <rendered.json> <work-dir>   (rendered.json: a JSON array of objects)
// check.sh copies this file next to the node_modules it installs and makes work-dir a folder
// beside it, so that both Node and TypeScript resolve the packages from there.
// Prints one PASS/FAIL line per object; exits 1 if any fails.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [, , renderedPath, workDir] = process.argv;
const here = dirname(fileURLToPath(import.meta.url));
const objects = JSON.parse(readFileSync(renderedPath, "utf8"));

// apiVersion and kind -> the module that models it.
function modulePath(apiVersion, kind) {
  if (apiVersion === "monitoring.coreos.com/v1") {
    return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}`;
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

let failed = false;
const typed = [];
for (const [i, object] of objects.entries()) {
  const what = `${object.kind}/${object.metadata?.name}`;
  const path = modulePath(object.apiVersion, object.kind);
  let model;
  try {
    model = await import(path);
  } catch (e) {
    console.log(`FAIL [schema] ${what}: no schema for ${object.apiVersion} ${object.kind}`);
    failed = true;
    continue;
  }
  try {
    new model[object.kind](object).validate();
    typed.push({ i, what, path, kind: object.kind, object });
  } catch (e) {
    console.log(`FAIL [schema] ${what}: ${e.message}`);
    failed = true;
  }
}

// One declaration per object, so each object's unknown fields are reported on its own line.
const lines = [];
for (const t of typed) {
  lines.push(`import type { I${t.kind} as T${t.i} } from "${t.path}";`);
}
for (const t of typed) {
  lines.push(`export const o${t.i}: T${t.i} = ${JSON.stringify(t.object)};`);
}
const source = join(workDir, "objects.ts");
writeFileSync(source, lines.join("\n") + "\n");
writeFileSync(
  join(workDir, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      skipLibCheck: true,
      types: [],
    },
    files: ["objects.ts"],
  }),
);
let errors = "";
try {
  execFileSync(join(here, "node_modules", ".bin", "tsc"), ["-p", workDir], {
    encoding: "utf8",
  });
} catch (e) {
  errors = (e.stdout || "") + (e.stderr || "");
}
const byObject = new Map();
for (const line of errors.split("\n").filter(Boolean)) {
  const m = line.match(/objects\.ts\((\d+),\d+\): (.*)/);
  const index = m ? Number(m[1]) - 1 - typed.length : -1;
  const t = typed[index];
  const key = t ? t.what : "(objects.ts)";
  if (!byObject.has(key)) byObject.set(key, []);
  byObject.get(key).push(m ? m[2] : line);
}
for (const t of typed) {
  const problems = byObject.get(t.what);
  if (problems) {
    console.log(`FAIL [schema] ${t.what}: ${problems.join("; ")}`);
    failed = true;
  } else {
    console.log(`PASS [schema] ${t.what} (no unknown fields)`);
  }
}
for (const [key, problems] of byObject) {
  if (!typed.some((t) => t.what === key)) {
    console.log(`FAIL [schema] ${key}: ${problems.join("; ")}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

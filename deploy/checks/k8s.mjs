// Renders deploy/k8s/base and every overlay without kubectl, validates each document against
// the Kubernetes schemas and checks the cross-document rules. Where kubectl exists, also checks
// that this renderer agrees with `kubectl kustomize`. Usage: node k8s.mjs REPO_ROOT
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { validateObject } from "./lib/k8s-schema.mjs";
import { k8sRules } from "./lib/k8s-rules.mjs";
import { render } from "./lib/kustomize.mjs";
import { expect, failed, passed, report, skipped } from "./lib/results.mjs";

const root = process.argv[2] ?? ".";
const k8s = join(root, "deploy/k8s");
const overlays = join(k8s, "overlays");
const dirs = [join(k8s, "base"), ...(existsSync(overlays) ? readdirSync(overlays).map((o) => join(overlays, o)) : [])];

/** Objects in a canonical text form (keys sorted), sorted, for an order-free comparison. */
const canonical = (docs) => docs.map((d) => JSON.stringify(d, (_, v) =>
  v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)).sort();

function kubectl() {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const results = [];
const haveKubectl = kubectl();
for (const dir of dirs) {
  const label = relative(root, dir);
  let items;
  try {
    items = render(dir);
    results.push(passed(`${label} renders (${items.length} documents)`));
  } catch (e) {
    results.push(failed(`${label} renders`, e.message));
    continue;
  }
  if (label.endsWith("base")) {
    const listed = new Set(items.map((it) => it.source.split("#")[0]));
    for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml")) {
      results.push(expect(`${label}/${f} is listed in kustomization.yaml`, listed.has(f), "file is not in resources"));
    }
  }
  for (const it of items) {
    const name = `${label}: ${it.source} ${it.doc.kind}/${it.doc.metadata?.name} matches the ${it.doc.apiVersion} schema`;
    const problems = await validateObject(it.doc);
    results.push(expect(name, problems.length === 0, problems.join("; ")));
  }
  results.push(...k8sRules(label, items.map((it) => it.doc)));
  if (!haveKubectl) {
    results.push(skipped(`${label} renders as kubectl kustomize does`, "kubectl not installed"));
    continue;
  }
  const theirs = parseAllDocuments(execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" })).map((d) => d.toJS());
  const a = canonical(items.map((it) => it.doc));
  const b = canonical(theirs);
  const diff = a.filter((x) => !b.includes(x)).concat(b.filter((x) => !a.includes(x)));
  results.push(expect(`${label} renders as kubectl kustomize does`, diff.length === 0,
    `documents differ: ${diff.map((x) => x.slice(0, 160)).join(" | ")}`));
}
process.exitCode = report(results) > 0 ? 1 : 0;

// Shows that every family of deploy checks can fail: each case breaks a copy of a real file
// in one known way and expects a failure that names the broken field.
// Usage: node selftest.mjs REPO_ROOT RESOLVED_COMPOSE_YAML
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeRules } from "./lib/compose-rules.mjs";
import { dockerfileRules } from "./lib/dockerfile-rules.mjs";
import { validateObject } from "./lib/k8s-schema.mjs";
import { k8sRules } from "./lib/k8s-rules.mjs";
import { render } from "./lib/kustomize.mjs";
import { expect, report } from "./lib/results.mjs";
import { readYamlDocs } from "./lib/yaml-docs.mjs";

const [root = ".", resolved] = process.argv.slice(2);
const copy = (x) => structuredClone(x);
const base = render(join(root, "deploy/k8s/base")).map((it) => it.doc);
const siloOf = (docs) => docs.find((d) => d.kind === "Deployment");
const [compose] = readYamlDocs(resolved);
const [prometheus] = readYamlDocs(join(root, "deploy/compose/prometheus.yml"));
const [collector] = readYamlDocs(join(root, "deploy/compose/otel-collector.yaml"));
const siloDockerfile = readFileSync(join(root, "deploy/docker/silo.Dockerfile"), "utf8");

/** Failure messages (name: error) of a list of results. */
const failures = (results) => results.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`);
const caught = (what, messages, pattern) => expect(`selftest: ${what} is caught`, messages.some((m) => pattern.test(m)),
  `expected a failure matching ${pattern}, got ${JSON.stringify(messages)}`);
const rendering = (kustomization, files) => {
  const dir = mkdtempSync(join(tmpdir(), "sweeps-kustomize-"));
  writeFileSync(join(dir, "kustomization.yaml"), kustomization);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  try {
    render(dir);
    return [];
  } catch (e) {
    return [e.message];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: b }\n";
const kz = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [cm.yaml]\n";

const cases = [];
{
  const d = siloOf(copy(base));
  d.spec.replica = 3;
  cases.push(caught("an unknown Deployment field (spec.replica)", await validateObject(d), /^\/spec\/replica: unknown field/));
}
{
  const d = siloOf(copy(base));
  d.spec.template.spec.containers[0].ports[0].containerPort = "11111";
  cases.push(caught("a string containerPort", await validateObject(d), /containerPort: must be integer/));
}
cases.push(caught("an unknown kind", await validateObject({ apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } }), /unknown kind 'Deploymnet'/));
{
  const docs = copy(base);
  docs.find((d) => d.kind === "Service" && d.metadata.name === "sweeps-silo").spec.selector = { app: "nothing" };
  cases.push(caught("a Service selecting no pods", failures(k8sRules("t", docs)), /Service\/sweeps-silo selects pods/));
}
{
  const docs = copy(base);
  siloOf(docs).spec.template.spec.terminationGracePeriodSeconds = 30;
  cases.push(caught("a grace period not above 30 s", failures(k8sRules("t", docs)), /terminationGracePeriodSeconds is 30/));
}
{
  const docs = copy(base);
  siloOf(docs).spec.template.metadata.labels["orleans/clusterId"] = "other";
  cases.push(caught("Orleans labels that disagree with the settings", failures(k8sRules("t", docs)), /Orleans labels/));
}
{
  const docs = copy(base);
  docs.find((d) => d.kind === "Job").spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key = "NOPE";
  cases.push(caught("a ConfigMap key that does not exist", failures(k8sRules("t", docs)), /no key 'NOPE'/));
}
cases.push(caught("an unsupported kustomization field", rendering(`${kz}commonLabels: { a: b }\n`, { "cm.yaml": cm }), /'commonLabels' is not supported/));
cases.push(caught("a patch of a missing path", rendering(`${kz}patches:\n  - path: p.yaml\n    target: { kind: ConfigMap, name: c }\n`,
  { "cm.yaml": cm, "p.yaml": "- op: replace\n  path: /data/zz\n  value: q\n" }), /replace of missing \/data\/zz/));
const lint = (text) => failures(dockerfileRules(root, "silo", text, [".git"]));
cases.push(caught("a final stage without USER", lint(siloDockerfile.replace(/^USER .*$/m, "")), /no USER in the final stage/));
cases.push(caught("a final stage running as root", lint(siloDockerfile.replace(/^USER .*$/m, "USER root")), /final USER is root/));
cases.push(caught("a single-stage Dockerfile", lint(siloDockerfile.replace(/^FROM mcr\.microsoft\.com\/dotnet\/aspnet.*$/m, "")), /1 FROM instruction/));
cases.push(caught("a restore layer missing a referenced project", lint(siloDockerfile.replace(/^COPY src\/Numerics\/.*$/m, "")),
  /references src\/Numerics\/Sweeps\.Numerics\.csproj/));
cases.push(caught("a COPY excluded by .dockerignore", failures(dockerfileRules(root, "silo", siloDockerfile, ["src"])), /\.dockerignore excludes src/));
{
  const c = copy(compose);
  c.services.silo.ports = ["8080:8080"];
  cases.push(caught("a fixed host port on the scaled silo", failures(composeRules(c, prometheus, collector)), /publish fixed host ports/));
}
{
  const c = copy(compose);
  delete c.services.jaeger.healthcheck;
  cases.push(caught("a service without a health check", failures(composeRules(c, prometheus, collector)), /jaeger\.healthcheck/));
}
{
  const p = copy(prometheus);
  p.scrape_configs[0].dns_sd_configs[0].port = 9999;
  cases.push(caught("Prometheus scraping the wrong silo port", failures(composeRules(compose, p, collector)), /dns_sd_configs/));
}
{
  const o = copy(collector);
  o.service.pipelines.traces.exporters = ["debug"];
  cases.push(caught("a trace pipeline using an undefined exporter", failures(composeRules(compose, prometheus, o)), /uses debug/));
}
process.exitCode = report(cases) > 0 ? 1 : 0;

// Cross-document rules of the rendered Kubernetes manifests: what the schema cannot see
// (selectors that select, references that resolve) and the silo contract of docs/DEPLOY.md.
import { expect, failed } from "./results.mjs";

const WORKLOADS = new Set(["Deployment", "StatefulSet", "Job", "DaemonSet", "ReplicaSet"]);
const podSpec = (d) => d.spec?.template?.spec;
const podLabels = (d) => d.spec?.template?.metadata?.labels ?? {};
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
const find = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);

/** Returns check results for the rendered documents of one Kustomize directory (label). */
export function k8sRules(label, docs) {
  const out = [];
  const workloads = docs.filter((d) => WORKLOADS.has(d.kind));
  const configMaps = docs.filter((d) => d.kind === "ConfigMap");

  for (const w of workloads) {
    const id = `${label}: ${w.kind}/${w.metadata.name}`;
    if (w.kind !== "Job") {
      out.push(expect(`${id} selector matches its pod labels`, matches(w.spec.selector?.matchLabels, podLabels(w)),
        `spec.selector.matchLabels ${JSON.stringify(w.spec.selector?.matchLabels)} not in template labels`));
    }
    for (const c of podSpec(w).containers) {
      const res = c.resources ?? {};
      out.push(expect(`${id} container ${c.name} has CPU requests and limits`, res.requests?.cpu && res.limits?.cpu,
        "spec.template.spec.containers[].resources.requests.cpu and .limits.cpu are required"));
      for (const ref of [...(c.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean)]) {
        out.push(expect(`${id} envFrom ConfigMap ${ref} exists`, find(docs, "ConfigMap", ref), `no ConfigMap '${ref}'`));
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef;
        if (!ref) continue;
        const cm = find(docs, "ConfigMap", ref.name);
        out.push(expect(`${id} env ${e.name} -> ConfigMap ${ref.name}/${ref.key} exists`, cm?.data?.[ref.key] !== undefined,
          `no key '${ref.key}' in ConfigMap '${ref.name}'`));
      }
    }
    for (const v of podSpec(w).volumes ?? []) {
      if (v.persistentVolumeClaim) {
        const claim = v.persistentVolumeClaim.claimName;
        out.push(expect(`${id} volume ${v.name} -> PVC ${claim} exists`, find(docs, "PersistentVolumeClaim", claim),
          `no PersistentVolumeClaim '${claim}'`));
      }
    }
    if (w.kind === "StatefulSet") {
      out.push(expect(`${id} governing Service ${w.spec.serviceName} exists`, find(docs, "Service", w.spec.serviceName),
        `spec.serviceName '${w.spec.serviceName}' names no Service`));
    }
  }

  for (const s of docs.filter((d) => d.kind === "Service" || d.kind === "PodDisruptionBudget")) {
    const id = `${label}: ${s.kind}/${s.metadata.name}`;
    const selector = s.kind === "Service" ? s.spec.selector : s.spec.selector?.matchLabels;
    const targets = workloads.filter((w) => matches(selector, podLabels(w)));
    out.push(expect(`${id} selects pods`, targets.length > 0, `selector ${JSON.stringify(selector)} matches no pod template`));
    if (s.kind !== "Service") continue;
    const portNames = new Set(targets.flatMap((w) => podSpec(w).containers.flatMap((c) => (c.ports ?? []).map((p) => p.name))));
    for (const p of s.spec.ports) {
      if (typeof p.targetPort !== "string") continue;
      out.push(expect(`${id} port ${p.name} targets a named container port`, portNames.has(p.targetPort),
        `targetPort '${p.targetPort}' is no container port name of the selected pods`));
    }
  }

  out.push(...siloRules(label, docs, configMaps));
  return out;
}

/** The silo contract: ports, probes, downward API, grace period, Orleans labels = settings. */
function siloRules(label, docs, configMaps) {
  const silo = find(docs, "Deployment", "sweeps-silo");
  const id = `${label}: Deployment/sweeps-silo`;
  if (!silo) return [failed(`${id} exists`, "no Deployment named sweeps-silo")];
  const spec = podSpec(silo);
  const c = spec.containers.find((x) => x.name === "silo");
  if (!c) return [failed(`${id} has a container named silo`, "spec.template.spec.containers has no 'silo'")];
  const settings = Object.assign({}, ...configMaps.filter((m) => (c.envFrom ?? []).some((e) => e.configMapRef?.name === m.metadata.name)).map((m) => m.data));
  const ports = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
  const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
  const field = (name) => env[name]?.valueFrom?.fieldRef?.fieldPath;
  const labels = podLabels(silo);
  return [
    expect(`${id} container ports silo/gateway/http = 11111/30000/8080`,
      ports.silo === 11111 && ports.gateway === 30000 && ports.http === 8080, `ports are ${JSON.stringify(ports)}`),
    expect(`${id} container ports agree with the settings`,
      String(ports.silo) === settings.SWEEPS_SILO_PORT && String(ports.gateway) === settings.SWEEPS_GATEWAY_PORT &&
      String(ports.http) === settings.SWEEPS_HTTP_PORT, `settings say ${settings.SWEEPS_SILO_PORT}/${settings.SWEEPS_GATEWAY_PORT}/${settings.SWEEPS_HTTP_PORT}`),
    expect(`${id} serves HTTP on all interfaces`, settings.SWEEPS_HTTP_BIND === "0.0.0.0", "SWEEPS_HTTP_BIND must be 0.0.0.0 in a pod"),
    expect(`${id} names its Redis`, Boolean(settings.SWEEPS_REDIS), "SWEEPS_REDIS is not set"),
    expect(`${id} readiness probe GET /health/ready on http`,
      c.readinessProbe?.httpGet?.path === "/health/ready" && c.readinessProbe?.httpGet?.port === "http", "readinessProbe.httpGet"),
    expect(`${id} liveness probe GET /health/live on http`,
      c.livenessProbe?.httpGet?.path === "/health/live" && c.livenessProbe?.httpGet?.port === "http", "livenessProbe.httpGet"),
    expect(`${id} advertises the pod IP (downward API)`,
      field("SWEEPS_ADVERTISED_IP") === "status.podIP" && field("POD_IP") === "status.podIP", "SWEEPS_ADVERTISED_IP/POD_IP from status.podIP"),
    expect(`${id} knows its pod name (downward API)`, field("POD_NAME") === "metadata.name", "POD_NAME from metadata.name"),
    expect(`${id} grace period exceeds the 30 s shutdown timeout`, (spec.terminationGracePeriodSeconds ?? 30) > 30,
      `terminationGracePeriodSeconds is ${spec.terminationGracePeriodSeconds ?? "30 (default)"}`),
    expect(`${id} Orleans labels equal the service and cluster ids`,
      labels["orleans/serviceId"] === settings.SWEEPS_SERVICE_ID && labels["orleans/clusterId"] === settings.SWEEPS_CLUSTER_ID,
      `labels ${labels["orleans/serviceId"]}/${labels["orleans/clusterId"]} vs settings ${settings.SWEEPS_SERVICE_ID}/${settings.SWEEPS_CLUSTER_ID}`),
    expect(`${id} runs as non-root`, spec.securityContext?.runAsNonRoot === true, "spec.template.spec.securityContext.runAsNonRoot"),
  ];
}

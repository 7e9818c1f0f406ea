// Rules of the compose deployment, checked on `docker-compose config` output (resolved, so
// anchors and variables are expanded) together with the Prometheus and collector configs.
import { expect, failed } from "./results.mjs";

/** Host port a port entry publishes ("" when Docker picks one), short or long syntax. */
function published(port) {
  if (typeof port === "object") return String(port.published ?? "");
  const parts = String(port).split("/")[0].split(":");
  return parts.length === 1 ? "" : parts.at(-2);
}

const envOf = (svc) => (Array.isArray(svc.environment)
  ? Object.fromEntries(svc.environment.map((e) => [e.split("=")[0], e.split("=").slice(1).join("=")]))
  : svc.environment ?? {});
const seconds = (d) => Number(/^(\d+)s$/.exec(d ?? "")?.[1] ?? (/^(\d+)m$/.exec(d ?? "")?.[1] ?? 0) * 60);

/** Check results for the resolved compose model, prometheus.yml and otel-collector.yaml. */
export function composeRules(compose, prometheus, collector) {
  const out = [];
  const services = compose.services ?? {};
  for (const want of ["redis", "silo", "otel-collector", "jaeger", "prometheus", "client"]) {
    if (!services[want]) out.push(failed(`compose has service ${want}`, `no service '${want}'`));
  }
  for (const [name, svc] of Object.entries(services)) {
    const test = svc.healthcheck?.test;
    out.push(expect(`compose ${name} has a health check`, Array.isArray(test) ? test.length > 1 && test[0] !== "NONE" : Boolean(test),
      `services.${name}.healthcheck.test is missing`));
    if (!svc.build) {
      out.push(expect(`compose ${name} image is pinned`, /:[^/]+$/.test(svc.image ?? "") && !/:latest$/.test(svc.image),
        `services.${name}.image '${svc.image}' has no fixed tag`));
    }
  }
  const silo = services.silo;
  const redis = services.redis;
  const client = services.client;
  if (!silo || !redis || !client) return out;

  const env = envOf(silo);
  out.push(expect("compose silo scales: no fixed host port", (silo.ports ?? []).every((p) => published(p) === ""),
    `services.silo.ports publish fixed host ports: ${JSON.stringify(silo.ports)}`));
  out.push(expect("compose silo scales: no container_name", !silo.container_name, "services.silo.container_name prevents --scale"));
  out.push(expect("compose silo advertises its own container address", !env.SWEEPS_ADVERTISED_IP,
    "services.silo.environment.SWEEPS_ADVERTISED_IP would give every replica the same address"));
  out.push(expect("compose silo serves HTTP on all interfaces", env.SWEEPS_HTTP_BIND === "0.0.0.0", "SWEEPS_HTTP_BIND must be 0.0.0.0"));
  out.push(expect("compose silo names Redis", /^redis:\d+/.test(env.SWEEPS_REDIS ?? ""), `SWEEPS_REDIS is '${env.SWEEPS_REDIS}'`));
  out.push(expect("compose silo waits for a healthy Redis", silo.depends_on?.redis?.condition === "service_healthy",
    "services.silo.depends_on.redis.condition must be service_healthy"));
  out.push(expect("compose silo stop grace period exceeds the 30 s shutdown timeout", seconds(silo.stop_grace_period) > 30,
    `services.silo.stop_grace_period is ${silo.stop_grace_period ?? "10s (default)"}`));

  const redisCmd = [].concat(redis.command ?? []).join(" ");
  out.push(expect("compose redis is redis:7", /^redis:7(\.|$)/.test(redis.image ?? ""), `image ${redis.image}`));
  out.push(expect("compose redis persists (append-only file)", /--appendonly yes/.test(redisCmd), `command '${redisCmd}'`));
  out.push(expect("compose redis keeps /data on a named volume",
    (redis.volumes ?? []).some((v) => (typeof v === "string" ? /^[\w-]+:\/data(:|$)/.test(v) : v.type === "volume" && v.target === "/data")),
    "services.redis.volumes needs NAME:/data"));
  out.push(expect("compose redis health check is redis-cli ping", /redis-cli ping/.test([].concat(redis.healthcheck?.test ?? []).join(" ")),
    "services.redis.healthcheck.test"));

  const clientCmd = [].concat(client.command ?? []).join(" ");
  out.push(expect("compose client runs once", (client.profiles ?? []).length > 0 || client.depends_on?.silo?.condition === "service_healthy",
    "services.client needs a profile or depends_on silo: service_healthy"));
  out.push(expect("compose client waits for healthy silos", client.depends_on?.silo?.condition === "service_healthy",
    "services.client.depends_on.silo.condition must be service_healthy"));
  out.push(expect("compose client submits quickstart.yaml to the cluster", /^run \S*quickstart\.yaml/.test(clientCmd) && Boolean(envOf(client).SWEEPS_CLUSTER),
    `command '${clientCmd}', SWEEPS_CLUSTER '${envOf(client).SWEEPS_CLUSTER}'`));
  const outDir = /--out (\S+)/.exec(clientCmd)?.[1] ?? "";
  out.push(expect("compose client exports to a mounted results folder",
    (client.volumes ?? []).some((v) => { const t = typeof v === "string" ? v.split(":")[1] : v.target; return t && outDir.startsWith(t); }),
    `--out ${outDir} is not under a mounted volume`));

  const httpPort = Number(env.SWEEPS_HTTP_PORT ?? 8080);
  const siloJob = (prometheus.scrape_configs ?? []).find((j) => (j.dns_sd_configs ?? []).some((d) => (d.names ?? []).includes("silo")));
  out.push(expect("prometheus discovers every silo by DNS on the http port",
    siloJob && siloJob.dns_sd_configs.some((d) => d.type === "A" && Number(d.port) === httpPort) && (siloJob.metrics_path ?? "/metrics") === "/metrics",
    `prometheus.yml needs dns_sd_configs { names: [silo], type: A, port: ${httpPort} } with metrics_path /metrics`));

  const pipelines = collector.service?.pipelines ?? {};
  for (const [name, p] of Object.entries(pipelines)) {
    for (const kind of ["receivers", "processors", "exporters"]) {
      for (const c of p[kind] ?? []) {
        out.push(expect(`otel-collector pipeline ${name} ${kind.slice(0, -1)} ${c} is defined`, collector[kind]?.[c] !== undefined,
          `service.pipelines.${name} uses ${c}, which is not under ${kind}`));
      }
    }
  }
  const traceTargets = (pipelines.traces?.exporters ?? []).map((e) => collector.exporters?.[e]?.endpoint ?? "");
  out.push(expect("otel-collector sends traces to jaeger", traceTargets.some((t) => /^(https?:\/\/)?jaeger:4317$/.test(t)),
    `trace exporters point at ${JSON.stringify(traceTargets)}`));
  const promExporter = (pipelines.metrics?.exporters ?? []).find((e) => e.split("/")[0] === "prometheus");
  const promPort = /:(\d+)$/.exec(collector.exporters?.[promExporter]?.endpoint ?? "")?.[1];
  out.push(expect("otel-collector metrics are scraped by prometheus", promPort &&
    (prometheus.scrape_configs ?? []).some((j) => (j.static_configs ?? []).some((s) => (s.targets ?? []).includes(`otel-collector:${promPort}`))),
    "the metrics pipeline needs a prometheus exporter whose port prometheus.yml scrapes as otel-collector:PORT"));
  const otlpPort = /:(\d+)$/.exec(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "")?.[1];
  const grpc = collector.receivers?.otlp?.protocols?.grpc?.endpoint ?? "";
  out.push(expect("silos export OTLP to the collector's receiver", /^http:\/\/otel-collector:\d+$/.test(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "") &&
    grpc === `0.0.0.0:${otlpPort}` && env.OTEL_EXPORTER_OTLP_PROTOCOL === "grpc",
    `OTEL_EXPORTER_OTLP_ENDPOINT ${env.OTEL_EXPORTER_OTLP_ENDPOINT} vs receiver ${grpc}`));
  return out;
}

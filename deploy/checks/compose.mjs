// Checks the compose deployment. Usage: node compose.mjs REPO_ROOT RESOLVED_COMPOSE_YAML
// (the second file is the output of `docker-compose -f deploy/compose/docker-compose.yml config`).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { composeRules } from "./lib/compose-rules.mjs";
import { readYamlDocs } from "./lib/yaml-docs.mjs";
import { passed, report, skipped } from "./lib/results.mjs";

const [root = ".", resolved] = process.argv.slice(2);
const [compose] = readYamlDocs(resolved);
const [prometheus] = readYamlDocs(join(root, "deploy/compose/prometheus.yml"));
const [collector] = readYamlDocs(join(root, "deploy/compose/otel-collector.yaml"));
const results = composeRules(compose, prometheus, collector);
results.push(existsSync(join(root, "examples/quickstart.yaml"))
  ? passed("compose client spec examples/quickstart.yaml exists")
  : skipped("compose client spec examples/quickstart.yaml exists", "examples/ not in this checkout yet"));
process.exitCode = report(results) > 0 ? 1 : 0;

// Lints deploy/docker/*.Dockerfile and the root .dockerignore. Usage: node dockerfiles.mjs REPO_ROOT
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dockerfileRules } from "./lib/dockerfile-rules.mjs";
import { expect, report } from "./lib/results.mjs";

const root = process.argv[2] ?? ".";
const ignoreFile = join(root, ".dockerignore");
const ignore = existsSync(ignoreFile)
  ? readFileSync(ignoreFile, "utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
  : [];
const results = [expect(".dockerignore keeps build outputs and .git out of the context",
  [".git", "**/bin", "**/obj"].every((p) => ignore.includes(p)), ".dockerignore must list .git, **/bin and **/obj")];
for (const f of readdirSync(join(root, "deploy/docker")).filter((f) => f.endsWith(".Dockerfile")).sort()) {
  const name = `deploy/docker/${f}`;
  results.push(...dockerfileRules(root, name, readFileSync(join(root, name), "utf8"), ignore));
}
process.exitCode = report(results) > 0 ? 1 : 0;

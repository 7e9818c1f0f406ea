// Script-checkable rules of a Dockerfile: multi-stage, non-root final stage, exec-form
// entrypoint, and for .NET images a restore layer that really is complete (every project file
// that the published project references, transitively, is copied before `dotnet restore`).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { expect, failed, skipped } from "./results.mjs";

/** Instructions [{ op, args }] with continuation lines joined and comments dropped. */
export function parseDockerfile(text) {
  const joined = text.replace(/\\\r?\n/g, " ");
  return joined.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).map((l) => {
    const [op, ...rest] = l.split(/\s+/);
    return { op: op.toUpperCase(), args: rest.join(" ") };
  });
}

/** The ProjectReference closure of a .csproj (repo-relative paths, itself included). */
export function projectClosure(root, csproj, seen = new Set()) {
  const p = normalize(csproj);
  if (seen.has(p)) return seen;
  seen.add(p);
  const text = readFileSync(join(root, p), "utf8");
  for (const m of text.matchAll(/<ProjectReference\s+Include="([^"]+)"/g)) {
    projectClosure(root, join(dirname(p), m[1].replace(/\\/g, "/")), seen);
  }
  return seen;
}

/** COPY sources (without --from) and destinations. */
function copies(ins) {
  return ins.filter((i) => i.op === "COPY" && !/--from=/.test(i.args)).map((i) => {
    const parts = i.args.split(/\s+/).filter((a) => !a.startsWith("--"));
    return { sources: parts.slice(0, -1), dest: parts.at(-1) };
  });
}

/** Check results for one Dockerfile (text) at repo-relative path name. */
export function dockerfileRules(root, name, text, dockerignore) {
  const ins = parseDockerfile(text);
  const out = [];
  const froms = ins.map((x, i) => ({ ...x, i })).filter((x) => x.op === "FROM");
  out.push(expect(`${name} is multi-stage`, froms.length >= 2, `${froms.length} FROM instruction(s)`));
  const lastFrom = froms.at(-1)?.i ?? 0;
  const users = ins.slice(lastFrom).filter((x) => x.op === "USER").map((x) => x.args.split(":")[0]);
  out.push(expect(`${name} final stage runs as a non-root USER`, users.length > 0 && !["root", "0"].includes(users.at(-1)),
    users.length ? `final USER is ${users.at(-1)}` : "no USER in the final stage"));
  const entry = ins.filter((x) => x.op === "ENTRYPOINT").at(-1);
  if (entry) {
    out.push(expect(`${name} ENTRYPOINT is exec form`, /^\[.*\]$/.test(entry.args), `ENTRYPOINT ${entry.args}`));
  }
  for (const c of copies(ins)) {
    for (const s of c.sources) {
      const rel = s.replace(/\/$/, "");
      const ignored = dockerignore.some((pat) => pat === rel || rel.startsWith(`${pat}/`));
      out.push(expect(`${name} COPY ${s} is not excluded by .dockerignore`, !ignored, `.dockerignore excludes ${s}`));
      out.push(existsSync(join(root, rel)) ? expect(`${name} COPY ${s} exists`, true, "")
        : rel === "examples" ? skipped(`${name} COPY ${s} exists`, "examples/ not in this checkout yet")
        : failed(`${name} COPY ${s} exists`, `${s} is not in the repository`));
    }
  }
  const publish = ins.find((x) => x.op === "RUN" && /dotnet publish/.test(x.args));
  if (publish) out.push(...dotnetRules(root, name, ins, froms, publish, entry));
  return out;
}

function dotnetRules(root, name, ins, froms, publish, entry) {
  const out = [];
  const csproj = publish.args.match(/dotnet publish\s+(\S+\.csproj)/)?.[1];
  if (!csproj || !existsSync(join(root, csproj))) return [failed(`${name} publishes a project of the repository`, `no such project: ${csproj}`)];
  out.push(expect(`${name} builds on the .NET 10 SDK`, /mcr\.microsoft\.com\/dotnet\/sdk:10\.0\b/.test(froms[0].args), `first stage FROM ${froms[0].args}`));
  out.push(expect(`${name} runs on the .NET 10 ASP.NET runtime`, /mcr\.microsoft\.com\/dotnet\/aspnet:10\.0\b/.test(froms.at(-1).args), `final stage FROM ${froms.at(-1).args}`));
  const restoreAt = ins.findIndex((x) => x.op === "RUN" && /dotnet restore/.test(x.args));
  const srcAt = ins.findIndex((x) => x.op === "COPY" && /(^|\s)src\/?(\s|$)/.test(x.args));
  out.push(expect(`${name} restores before copying the sources`, restoreAt >= 0 && srcAt > restoreAt,
    "RUN dotnet restore must come before COPY src/ so the restore layer stays cached"));
  const early = new Set(copies(ins.slice(0, Math.max(restoreAt, 0))).flatMap((c) =>
    c.sources.map((s) => (c.sources.length === 1 && c.dest.endsWith("/") && s.endsWith(".csproj") ? normalize(join(c.dest, s.split("/").at(-1))) : normalize(s)))));
  for (const props of ["global.json", "Directory.Build.props", "Directory.Packages.props"]) {
    out.push(expect(`${name} copies ${props} before restore`, early.has(props), `${props} is not copied before dotnet restore`));
  }
  for (const p of projectClosure(root, csproj)) {
    out.push(expect(`${name} copies ${p} before restore`, early.has(p), `${csproj} references ${p}, which is not copied before dotnet restore`));
  }
  const assembly = readFileSync(join(root, csproj), "utf8").match(/<AssemblyName>([^<]+)<\/AssemblyName>/)?.[1];
  out.push(expect(`${name} entrypoint runs ${assembly}.dll`, entry?.args === `["dotnet", "${assembly}.dll"]`, `ENTRYPOINT ${entry?.args}`));
  return out;
}

// Renders a Kustomize directory without kubectl, for the subset this repository uses:
// resources (files and directories), namespace, images, replicas, and JSON 6902 patches with
// a target. Anything else is refused by name, so a new feature cannot be silently ignored.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { readYamlDocs } from "./yaml-docs.mjs";

const SUPPORTED = new Set(["apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches"]);
const CLUSTER_SCOPED = new Set(["Namespace", "PersistentVolume", "StorageClass", "ClusterRole",
  "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass"]);

/** Renders dir; returns [{ source: "path#n", doc }] in resource order. */
export function render(dir, root = dir) {
  const kfile = join(dir, "kustomization.yaml");
  if (!existsSync(kfile)) throw new Error(`${dir}: no kustomization.yaml`);
  const k = parse(readFileSync(kfile, "utf8")) ?? {};
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) throw new Error(`${kfile}: field '${key}' is not supported by this renderer`);
  }
  if (k.kind !== "Kustomization") throw new Error(`${kfile}: kind must be Kustomization`);
  let items = [];
  for (const r of k.resources ?? []) {
    const p = resolve(dir, r);
    if (!existsSync(p)) throw new Error(`${kfile}: resource '${r}' does not exist`);
    if (statSync(p).isDirectory()) items.push(...render(p, root));
    else readYamlDocs(p).forEach((doc, i) => items.push({ source: `${relative(root, p)}#${i + 1}`, doc }));
  }
  if (k.namespace) {
    for (const it of items) if (!CLUSTER_SCOPED.has(it.doc.kind)) it.doc.metadata.namespace = k.namespace;
  }
  for (const img of k.images ?? []) setImage(items, img, kfile);
  for (const rep of k.replicas ?? []) {
    const hits = items.filter((it) => it.doc.metadata?.name === rep.name && it.doc.spec?.replicas !== undefined);
    if (hits.length === 0) throw new Error(`${kfile}: replicas target '${rep.name}' matches nothing`);
    for (const it of hits) it.doc.spec.replicas = rep.count;
  }
  for (const patch of k.patches ?? []) applyPatch(items, patch, dir, kfile);
  return items;
}

function containersOf(doc) {
  const pod = doc.kind === "Pod" ? doc.spec : doc.spec?.jobTemplate?.spec?.template?.spec ?? doc.spec?.template?.spec;
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

/** Image reference "name[:tag][@digest]" split into its name and the rest. */
function imageName(image) {
  const at = image.indexOf("@");
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = noDigest.lastIndexOf(":");
  return colon > noDigest.lastIndexOf("/") ? noDigest.slice(0, colon) : noDigest;
}

function setImage(items, img, kfile) {
  let hits = 0;
  for (const it of items) {
    for (const c of containersOf(it.doc)) {
      if (imageName(c.image) !== img.name) continue;
      const tag = img.digest ? `@${img.digest}` : img.newTag ? `:${img.newTag}` : c.image.slice(imageName(c.image).length);
      c.image = `${img.newName ?? img.name}${tag}`;
      hits++;
    }
  }
  if (hits === 0) throw new Error(`${kfile}: image '${img.name}' matches no container`);
}

function applyPatch(items, patch, dir, kfile) {
  if (!patch.target?.kind || !patch.target?.name) {
    throw new Error(`${kfile}: only JSON 6902 patches with target kind and name are supported`);
  }
  const ops = patch.path ? parse(readFileSync(join(dir, patch.path), "utf8")) : parse(patch.patch);
  if (!Array.isArray(ops)) throw new Error(`${kfile}: patch ${patch.path ?? "(inline)"} is not a JSON 6902 list`);
  const hits = items.filter((it) => it.doc.kind === patch.target.kind && it.doc.metadata?.name === patch.target.name);
  if (hits.length === 0) throw new Error(`${kfile}: patch target ${patch.target.kind}/${patch.target.name} matches nothing`);
  for (const it of hits) for (const op of ops) applyOp(it.doc, op, `${kfile} patch ${patch.path ?? "(inline)"}`);
}

/** One RFC 6902 operation (add, replace, remove) on doc, in place. */
function applyOp(doc, op, where) {
  const keys = op.path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = keys.pop();
  let parent = doc;
  for (const key of keys) {
    parent = parent?.[Array.isArray(parent) ? Number(key) : key];
    if (parent === undefined || parent === null) throw new Error(`${where}: path ${op.path} does not exist`);
  }
  const exists = Array.isArray(parent) ? Number(last) < parent.length : Object.hasOwn(parent, last);
  switch (op.op) {
    case "add":
      if (Array.isArray(parent)) parent.splice(last === "-" ? parent.length : Number(last), 0, op.value);
      else parent[last] = op.value;
      break;
    case "replace":
      if (!exists) throw new Error(`${where}: replace of missing ${op.path}`);
      parent[Array.isArray(parent) ? Number(last) : last] = op.value;
      break;
    case "remove":
      if (!exists) throw new Error(`${where}: remove of missing ${op.path}`);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    default:
      throw new Error(`${where}: operation '${op.op}' is not supported`);
  }
}

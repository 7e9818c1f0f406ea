// Validates one Kubernetes object against the JSON schema of its apiVersion and kind, from the
// pinned kubernetes-models package. The package's schemas allow unknown fields, which the API
// server rejects (strict field validation), so the validator also runs on a proxy that records
// which fields the schema looked at: a field of a schema-checked object that was never looked
// at is unknown to the schema (a typo such as spec.replica).

/** Loads the model class for apiVersion/kind, or throws naming what is missing. */
async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") throw new Error("apiVersion and kind are required");
  let mod;
  try {
    mod = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    throw new Error(`unknown apiVersion '${apiVersion}'`);
  }
  const model = mod[kind];
  if (typeof model !== "function" || model.kind !== kind) throw new Error(`unknown kind '${kind}' in ${apiVersion}`);
  return model;
}

/** A proxy over value that records, per object, the keys read and whether keys were listed. */
function tracked(value, path, seen) {
  if (value === null || typeof value !== "object") return value;
  const info = { value, path, read: new Set(), listed: false };
  seen.push(info);
  const children = new Map();
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || !Object.hasOwn(target, key)) return v;
      info.read.add(key);
      if (v === null || typeof v !== "object") return v;
      if (!children.has(key)) children.set(key, tracked(v, `${path}/${key}`, seen));
      return children.get(key);
    },
    has(target, key) {
      if (typeof key === "string") info.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      info.listed = true; // a map (labels, data, ...): any key is allowed
      return Reflect.ownKeys(target);
    },
  });
}

/** Returns a list of problems ("field: message"); empty when the object is valid. */
export async function validateObject(doc) {
  let model;
  try {
    model = await modelFor(doc?.apiVersion, doc?.kind);
  } catch (e) {
    return [`/kind: ${e.message}`];
  }
  const seen = [];
  const problems = [];
  try {
    model.prototype.validate.call(tracked(doc, "", seen));
  } catch (e) {
    const errors = e.errors ?? [{ instancePath: "", message: e.message }];
    problems.push(...errors.map((x) => `${x.instancePath || "/"}: ${x.message}${x.params ? " " + JSON.stringify(x.params) : ""}`));
  }
  for (const info of seen) {
    if (Array.isArray(info.value) || info.listed || info.read.size === 0) continue;
    for (const key of Object.keys(info.value)) {
      if (!info.read.has(key)) problems.push(`${info.path}/${key}: unknown field (not in the ${doc.kind} schema)`);
    }
  }
  return problems;
}

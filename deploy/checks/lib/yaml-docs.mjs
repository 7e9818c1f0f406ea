// Reads a YAML file as its list of documents, failing with the file name on a syntax error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

export function readYamlDocs(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true });
  const out = [];
  docs.forEach((d, i) => {
    if (d.errors.length > 0) throw new Error(`${file} document ${i + 1}: ${d.errors[0].message}`);
    const value = d.toJS();
    if (value !== null && value !== undefined) out.push(value);
  });
  return out;
}

// Validates Kubernetes manifests (the output of `oktyv-bench load --agents N --emit k8s`) against the Kubernetes API
// schema, with the JSON-schema validators that kubernetes-models generates from Kubernetes' OpenAPI definitions:
// types, required fields and enum values of every field, down to the pod's containers. Run it through
// validate-manifest.sh, which installs the pinned packages. Usage: node validate-manifest.mjs FILE...
// Exit codes: 0 every document valid, 1 a document invalid (each problem on one line), 2 usage error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Job } from "kubernetes-models/batch/v1/Job";

// The kinds the emitter writes. Another kind is refused rather than passed unchecked: no silent success.
const MODELS = new Map([
  ["v1/ConfigMap", ConfigMap],
  ["batch/v1/Job", Job],
]);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("validate-manifest: no FILE given (usage: validate-manifest.sh FILE...)");
  process.exit(2);
}

let checked = 0;
let valid = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`validate-manifest: cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
  const docs = parseAllDocuments(text);
  docs.forEach((doc, i) => {
    const where = `${file}: document ${i + 1}`;
    if (doc.errors.length > 0) {
      checked++;
      console.log(`invalid ${where}: not YAML: ${doc.errors[0].message.split("\n")[0]}`);
      return;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) {
      return; // an empty document (a trailing ---) holds nothing to apply
    }
    checked++;
    const key = `${obj.apiVersion}/${obj.kind}`;
    const Model = MODELS.get(key);
    const name = `${obj.kind}/${obj.metadata?.name ?? "?"}`;
    if (!Model) {
      console.log(`invalid ${where}: no schema here for apiVersion ${obj.apiVersion}, kind ${obj.kind}`);
      return;
    }
    try {
      new Model(obj).validate();
      valid++;
      console.log(`valid   ${where}: ${name}`);
    } catch (e) {
      const problems = (e.errors ?? []).map((err) => `${err.instancePath || "/"} ${err.message}`);
      console.log(`invalid ${where}: ${name}: ${problems.length ? problems.join("; ") : e.message}`);
    }
  });
}
if (checked === 0) {
  console.log(`invalid: no Kubernetes object in ${files.join(", ")}`);
  process.exit(1);
}
console.log(`validate-manifest: ${valid} of ${checked} objects valid`);
process.exit(valid === checked ? 0 : 1);

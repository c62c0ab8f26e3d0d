// Regenerates the article/paragraph/letter structure of one Perda from its text:
//   node bin/run-ts.cjs scripts/perda-structure.ts <profile> <text-file> <dashed|columns>
// e.g. node bin/run-ts.cjs scripts/perda-structure.ts bt-7-2019 ../shared/seeds/000_f8a356b8fa289f21.txt dashed
// and writes policies/perda/<profile>.structure.json, which tests/policies/citations.test.ts checks
// every rule's citation against (the project never reads the text itself at run or test time).
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parsePerdaStructure } from "../policies/perda/parse-structure";

const [profile, file, layout] = process.argv.slice(2);
if (!profile || !file || (layout !== "dashed" && layout !== "columns")) {
  process.stderr.write("usage: perda-structure.ts <profile> <text-file> <dashed|columns>\n");
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  process.stderr.write(`${file}: ${(e as Error).message}\n`);
  process.exit(2);
}
const structure = parsePerdaStructure(text, profile, basename(file), layout);
const out = join(__dirname, "..", "policies", "perda", `${profile}.structure.json`);
writeFileSync(out, JSON.stringify(structure, null, 1) + "\n");
process.stdout.write(`${out}: ${Object.keys(structure.pasal).length} pasal\n`);

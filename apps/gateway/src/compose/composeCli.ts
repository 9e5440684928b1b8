/**
 * npm run compose: composes the supergraph, refuses unclassified fields, and writes
 * apps/gateway/supergraph.graphql (checked in, so a schema change is reviewed as a diff).
 * npm run compose -- --check: fails when the checked-in file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { PERSONAS } from "@samraad/synthetic";
import { accessMatrixMarkdown } from "./accessMatrix.ts";
import { unclassifiedFields } from "./classification.ts";
import { composeSupergraph } from "./compose.ts";
import { ACCESS_MATRIX_PATH, SUPERGRAPH_PATH } from "./subgraphs.ts";

const check = process.argv.includes("--check");
try {
  const sdl = composeSupergraph();
  const unclassified = unclassifiedFields(sdl);
  if (unclassified.length > 0) {
    console.error(
      `Every field needs an access classification (@authenticated, @requiresScopes or @policy). Missing on:\n${unclassified.map((f) => `- ${f}`).join("\n")}`,
    );
    process.exit(1);
  }
  const outputs = [
    { path: SUPERGRAPH_PATH, content: sdl },
    { path: ACCESS_MATRIX_PATH, content: accessMatrixMarkdown(sdl, PERSONAS) },
  ];
  for (const { path, content } of outputs) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (check && current !== content) {
      console.error(`${path} is stale: run \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    if (!check) writeFileSync(path, content);
  }
  console.log(check ? "supergraph.graphql and docs/access.md are up to date." : `Wrote ${outputs.map((o) => o.path).join(" and ")}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

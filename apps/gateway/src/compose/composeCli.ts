/**
 * npm run compose: composes the supergraph, refuses unclassified fields, and writes
 * apps/gateway/supergraph.graphql (checked in, so a schema change is reviewed as a diff).
 * npm run compose -- --check: fails when the checked-in file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { unclassifiedFields } from "./classification.ts";
import { composeSupergraph } from "./compose.ts";
import { SUPERGRAPH_PATH } from "./subgraphs.ts";

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
  const current = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, "utf8") : "";
  if (check) {
    if (current !== sdl) {
      console.error("apps/gateway/supergraph.graphql is stale: run `npm run compose` and commit the result.");
      process.exit(1);
    }
    console.log("supergraph.graphql is up to date.");
  } else {
    writeFileSync(SUPERGRAPH_PATH, sdl);
    console.log(`Wrote ${SUPERGRAPH_PATH}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

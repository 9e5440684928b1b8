import { readFileSync } from "node:fs";
import { readFieldRules } from "@samraad/access";
import { PERSONAS } from "@samraad/synthetic";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { accessMatrixMarkdown } from "../src/compose/accessMatrix.ts";
import { unclassifiedFields } from "../src/compose/classification.ts";
import { composeSupergraph } from "../src/compose/compose.ts";
import { ACCESS_MATRIX_PATH, readSubgraphSdl, SUBGRAPHS, SUPERGRAPH_PATH } from "../src/compose/subgraphs.ts";

describe("the supergraph", () => {
  const composed = composeSupergraph();

  it("composes, and the checked-in supergraph.graphql is up to date", () => {
    expect(readFileSync(SUPERGRAPH_PATH, "utf8"), "run `npm run compose` and commit apps/gateway/supergraph.graphql").toBe(composed);
  });

  it("docs/access.md is generated from this supergraph", () => {
    expect(readFileSync(ACCESS_MATRIX_PATH, "utf8"), "run `npm run compose` and commit docs/access.md").toBe(
      accessMatrixMarkdown(composed, PERSONAS),
    );
  });

  it("classifies every field (default deny)", () => {
    expect(unclassifiedFields(composed)).toEqual([]);
  });

  it("keeps the access directives in the composed file, where the gateway enforces them", () => {
    expect(composed).toMatch(/@requiresScopes\(scopes: \[\["health:internal"\]\]\)/);
    expect(composed).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/requiresScopes\/v0\.1"/);
  });

  it("each subgraph re-checks exactly the rule the gateway enforces, field by field", () => {
    const composedRules = readFieldRules(parse(composed));
    for (const { name } of SUBGRAPHS) {
      for (const [coordinate, rule] of readFieldRules(parse(readSubgraphSdl(name)))) {
        if (rule === null) continue; // @external fields: resolved by their owner
        expect(composedRules.get(coordinate), `${name}: ${coordinate}`).toEqual(rule);
      }
    }
  });

  it("finds a field that has no classification", () => {
    const sdl = /* GraphQL */ `
      type Query { ok: String @requiresScopes(scopes: [["samraad"]]) leak: String }
      type Child { id: ID! @authenticated name: String }
    `;
    expect(unclassifiedFields(sdl)).toEqual(["Query.leak", "Child.name"]);
  });
});

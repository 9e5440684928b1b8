import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildASTSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";

const supergraph = readFileSync(fileURLToPath(new URL("../../apps/gateway/supergraph.graphql", import.meta.url)), "utf8");

describe("every mutation of every subgraph takes an idempotency key", () => {
  it("Mutation.* all accept idempotencyKey: String (one mechanism, packages/subgraph-kit)", () => {
    const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
    const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(30);
    const missing = fields
      .filter((f) => !f.args.some((a) => a.name === "idempotencyKey" && String(a.type) === "String"))
      .map((f) => f.name);
    expect(missing).toEqual([]);
  });
});

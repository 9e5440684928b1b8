import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { latin1Only, readSubgraphSdl, renderSharedSchema, type SharedSchemaSpec, writeSharedSchema } from "../src/sharedSchema.ts";

const POLICE: SharedSchemaSpec = {
  prefix: "Police",
  sectorText: "police",
  internalScope: "police:internal",
  blocks: ["sector", "accessLog", "clocks", "alerts"],
  alertSubject: "The police report whose interview is due.",
};

// What a subgraph's own file declares that the blocks use.
const HOST = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requiresScopes"])
  scalar DateTime
  type Query { ping: String @requiresScopes(scopes: [["samraad"]]) }
  type Mutation { pong: String @requiresScopes(scopes: [["samraad"]]) }
`;

describe("the shared schema blocks", () => {
  it("render every placeholder, with the sector's prefix, scope and texts", () => {
    const sdl = renderSharedSchema(POLICE);
    expect(sdl).not.toMatch(/\{\{/);
    expect(sdl).toContain("type PoliceAlert {");
    expect(sdl).toContain("myPoliceAlerts(");
    expect(sdl).toContain("policeWebhookEndpoints:");
    expect(sdl).toContain(
      'registerPoliceWebhookEndpoint(url: String!, idempotencyKey: String): PoliceWebhookRegistration! @requiresScopes(scopes: [["police:internal"]])',
    );
    expect(sdl).toContain("computed from the police's records");
    expect(sdl).toContain('"The police report whose interview is due."');
  });

  it("give a schema a subgraph can be built from, for every sector and set of blocks", () => {
    for (const spec of [
      POLICE,
      { ...POLICE, prefix: "Boernehus", sectorText: "børnehus", internalScope: "boernehus:internal" },
      { prefix: "Health", sectorText: "health care", internalScope: "health:internal", blocks: ["sector", "accessLog"] },
    ] satisfies SharedSchemaSpec[]) {
      const typeDefs = parse(`${HOST}\n${renderSharedSchema(spec)}`);
      expect(() => buildSubgraphSchema([{ typeDefs }])).not.toThrow();
    }
  });

  it("refuse the alerts block without the alert's subject (no empty description slips through)", () => {
    expect(() => renderSharedSchema({ ...POLICE, alertSubject: undefined })).toThrow(/alertSubject/);
  });

  it("are read with the subgraph's own schema, and only its own when it has none", () => {
    const dir = mkdtempSync(join(tmpdir(), "samraad-sdl-"));
    try {
      writeFileSync(join(dir, "schema.graphql"), HOST);
      expect(readSubgraphSdl(join(dir, "schema.graphql"))).toBe(HOST);
      writeSharedSchema(dir, POLICE);
      const whole = readSubgraphSdl(join(dir, "schema.graphql"));
      expect(whole.startsWith(HOST)).toBe(true);
      expect(whole).toContain("type PoliceAccessLogEntry {");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a schema's text", () => {
  it("may hold Danish letters", () => {
    const sdl = '"""Børnehusets vurdering, åben for sagens parter."""\ntype Query { ping: String }';
    expect(latin1Only(sdl, "x.graphql")).toBe(sdl);
  });

  it("is refused with the file, line and character when it holds anything beyond Latin-1", () => {
    const sdl = 'type Query {\n  """REFERRED \u2192 ACTIVE"""\n  ping: String\n}';
    expect(() => latin1Only(sdl, "boernehus/schema.graphql")).toThrow(
      /^boernehus\/schema\.graphql: line 2 of the schema holds "\u2192" \(U\+2192\)/,
    );
  });

  it("is refused where every subgraph reads it", () => {
    const dir = mkdtempSync(join(tmpdir(), "samraad-latin1-"));
    try {
      writeFileSync(join(dir, "schema.graphql"), "# a dash \u2013 in a comment\ntype Query { ping: String }\n");
      expect(() => readSubgraphSdl(join(dir, "schema.graphql"))).toThrow(/line 1 of the schema holds "\u2013"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

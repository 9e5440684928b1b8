import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler as rustQueryPlanner } from "@graphql-hive/router-runtime";
import { type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installedPatchTarget } from "./installedPatch.ts";

/**
 * The gateway runs Hive's router runtime with our patch (patches/README.md), applied by
 * `npm install` (the root's postinstall): a representation's de-duplication key is its JSON,
 * and an enum value's @inaccessible is looked up once. Without the patch every answer is the
 * same, only the 500-case list dearer, so the first part checks that the installed runtime
 * carries it. The second runs the patched runtime between two small subgraphs over HTTP and
 * holds it to what the unpatched one did: an entity that appears twice is sent once and both
 * places get its fields, and an @inaccessible enum value never reaches the client. (A key that
 * mixed different representations up fails the first; the second passes unpatched too.)
 */
const installed = installedPatchTarget("@graphql-hive/router-runtime");

describe("Hive's router runtime as the gateway loads it", () => {
  it("is the version our patch was made for", () => {
    expect(installed.hasPatch).toBe(true);
  });

  it.each(["index.js", "index.cjs"])("carries the patch in dist/%s", (file) => {
    const source = installed.dist(file);
    expect(source).toMatch(/const dedupeKey = representationKey\(representation\);/);
    expect(source).toMatch(/const identity = representationKey\(representation\);/);
    expect(source).not.toMatch(/= stableStringify\(representation\)/);
    expect(source).toMatch(/else if \(isInaccessibleEnumValue\(executionContext\.supergraphSchema, enumValue\)\)/);
  });
});

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible", "@shareable"])`;

/** Owns the cases; lists one of them twice, and one with a kind the supergraph hides. */
const CASES_SDL = `${FEDERATION}
  enum Kind { OPEN CLOSED HIDDEN @inaccessible }
  type Case @key(fields: "id") { id: ID! kind: Kind }
  type Query { cases: [Case!]! }`;
const CASES = [
  { id: "c1", kind: "OPEN" },
  { id: "c2", kind: "HIDDEN" },
  { id: "c1", kind: "OPEN" },
  { id: "c3", kind: "CLOSED" },
];

/** Adds a note to each case; records the representations it was sent. */
const NOTES_SDL = `${FEDERATION}
  type Case @key(fields: "id") { id: ID! note: String }`;
const representationsSeen: unknown[][] = [];

// @apollo/subgraph is CommonJS and builds its schema with graphql's CommonJS build: execute with that one.
const { graphql } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

function serve(schema: GraphQLSchema, seen?: unknown[][]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables?: { representations?: unknown[] } };
      if (variables?.representations) seen?.push(variables.representations);
      void graphql({ schema, source: query, variableValues: variables }).then((result) => {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
      });
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

let servers: http.Server[] = [];
let runtime: ReturnType<typeof createGatewayRuntime>;

beforeAll(async () => {
  const cases = buildSubgraphSchema({
    typeDefs: parse(CASES_SDL),
    resolvers: { Query: { cases: () => CASES } },
  });
  const notes = buildSubgraphSchema({
    typeDefs: parse(NOTES_SDL),
    resolvers: {
      Case: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id, note: `note for ${ref.id}` }),
      },
    },
  });
  servers = await Promise.all([serve(cases), serve(notes, representationsSeen)]);
  const composed = composeServices([
    { name: "cases", url: urlOf(servers[0] as http.Server), typeDefs: parse(CASES_SDL) },
    { name: "notes", url: urlOf(servers[1] as http.Server), typeDefs: parse(NOTES_SDL) },
  ]);
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join("\n"));
  runtime = createGatewayRuntime({ supergraph: composed.supergraphSdl, unifiedGraphHandler: rustQueryPlanner, logging: false });
});

afterAll(async () => {
  await runtime?.dispose();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function ask(query: string) {
  const res = await runtime.fetch("http://gateway/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: { cases: Array<{ id: string; kind: string | null; note: string | null }> }; errors?: unknown[] };
}

describe("the patched runtime between two subgraphs", () => {
  it("sends an entity that appears twice once, and gives both places its fields", async () => {
    representationsSeen.length = 0;
    const result = await ask("{ cases { id note } }");
    expect(result.errors).toBeUndefined();
    expect(result.data?.cases).toEqual([
      { id: "c1", note: "note for c1" },
      { id: "c2", note: "note for c2" },
      { id: "c1", note: "note for c1" },
      { id: "c3", note: "note for c3" },
    ]);
    expect(representationsSeen).toHaveLength(1);
    expect(representationsSeen[0]).toEqual([
      { __typename: "Case", id: "c1" },
      { __typename: "Case", id: "c2" },
      { __typename: "Case", id: "c3" },
    ]);
  });

  it("answers an @inaccessible enum value as null, every time", async () => {
    for (let round = 0; round < 2; round++) {
      const result = await ask("{ cases { id kind } }");
      expect(result.data?.cases.map((c) => c.kind)).toEqual(["OPEN", null, "OPEN", "CLOSED"]);
    }
  });
});

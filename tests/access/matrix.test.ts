import { readFileSync } from "node:fs";
import { allows, type FieldRule, readFieldRules, scopesFor } from "@samraad/access";
import { type FieldRulesPlugin, SUPERGRAPH_PATH } from "@samraad/gateway";
import { PERSONAS } from "@samraad/synthetic";
import {
  buildASTSchema,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The access matrix, through the gateway: every persona asks for every field reachable
 * from one case, and the fields the gateway refuses (UNAUTHORIZED, with the field's
 * coordinate) must be exactly those whose classification the persona's scopes do not
 * satisfy. Generated from the supergraph, so a new field is covered the day it is added.
 *
 * It runs against both field-rule plugins: the cached one the gateway uses
 * (apps/gateway/src/fieldRules.ts) and @envelop/generic-auth's per-request walk it replaced
 * (kept for this comparison only). Beyond the refused coordinates, every persona's whole
 * answer (data, nulls, each error's message, path, locations and extensions) must be the
 * same from both.
 */
const supergraphSdl = readFileSync(SUPERGRAPH_PATH, "utf8");
const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
const rules = readFieldRules(parse(supergraphSdl));

const inaccessible = (field: GraphQLField<unknown, unknown>) =>
  field.astNode?.directives?.some((d) => d.name.value === "inaccessible") ?? false;
const needsArgs = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

interface Node {
  coordinate: string;
  name: string;
  children: Node[];
}

/** Every field reachable from `type`, each type expanded once per path. */
function selection(type: GraphQLObjectType, seen: Set<string>): Node[] {
  const nodes: Node[] = [];
  for (const field of Object.values(type.getFields())) {
    if (inaccessible(field) || needsArgs(field)) continue;
    const named = getNamedType(field.type);
    const coordinate = `${type.name}.${field.name}`;
    if (isLeafType(named)) nodes.push({ coordinate, name: field.name, children: [] });
    else if (isObjectType(named) && !seen.has(named.name)) {
      const children = selection(named, new Set([...seen, named.name]));
      if (children.length > 0) nodes.push({ coordinate, name: field.name, children });
    }
  }
  return nodes;
}

const print = (nodes: Node[]): string => nodes.map((n) => (n.children.length ? `${n.name} { ${print(n.children)} }` : n.name)).join(" ");

/** What the classification says the persona may not see (a refused field hides its subtree). */
function expectedDenied(nodes: Node[], scopes: string[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (!allows(rules.get(n.coordinate) as FieldRule | null, true, scopes)) out.add(n.coordinate);
    else expectedDenied(n.children, scopes, out);
  }
  return out;
}

const root: Node = {
  coordinate: "Query.boernehusCase",
  name: "boernehusCase(id: $id)",
  children: selection(schema.getType("BoernehusCase") as GraphQLObjectType, new Set(["BoernehusCase"])),
};
const QUERY = `query Matrix($id: ID!) { ${print([root])} }`;

let stack: Stack;
const gateways = {} as Record<FieldRulesPlugin, string>;
beforeAll(async () => {
  stack = await startStack();
  gateways.cached = stack.gatewayUrl;
  gateways["generic-auth"] = (await stack.startGateway({ fieldRules: "generic-auth" })).url;
});
afterAll(async () => stack?.stop());

async function ask(plugin: FieldRulesPlugin, persona: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(gateways[plugin], {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await stack.token(persona)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }) };
}

const matrixCase = () =>
  stack.world.courses.find((c) => c.finalNote && c.police && c.medicalExaminations.length > 0) ?? stack.world.courses[0];

describe.each(["cached", "generic-auth"] as const)("the access matrix through the gateway (%s field rules)", (plugin) => {
  it("asks for a good share of the graph", () => {
    const count = (nodes: Node[]): number => nodes.reduce((n, c) => n + 1 + count(c.children), 0);
    expect(count([root])).toBeGreaterThan(100);
  });

  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s sees exactly the fields its classification allows", async (_id, persona) => {
    const res = await ask(plugin, persona.id, QUERY, { id: matrixCase()?.caseId });
    const denied = new Set(
      (res.errors ?? []).filter((e) => e.extensions?.code === "UNAUTHORIZED").map((e) => String(e.extensions?.coordinate)),
    );
    expect([...denied].sort()).toEqual([...expectedDenied([root], scopesFor(persona))].sort());
  });
});

// The matrix, and documents with the shapes generic-auth's walk treats specially: fragments
// (spread twice: the error's path is the spread seen last), aliases, an inline fragment,
// @include/@skip by variable and literally, a refused field under a skipped one.
const SHAPES = [
  { name: "the matrix", query: QUERY, variables: (id: string) => ({ id }) },
  {
    name: "fragments and aliases",
    query: `query Shapes($id: ID!) {
      first: boernehusCase(id: $id) { ...Exams child { firstName } }
      second: boernehusCase(id: $id) { id ... on BoernehusCase { policeReport { journalNumber } } ...Exams }
    }
    fragment Exams on BoernehusCase { medicalExaminations { kind clinicalDetails findingsSummary } crisisSupportSessions { counsellorName } }`,
    variables: (id: string) => ({ id }),
  },
  ...[true, false].map((flag) => ({
    name: `@include and @skip, the variable ${flag}`,
    query: `query Conditions($id: ID!, $flag: Boolean!) {
      boernehusCase(id: $id) {
        id
        medicalExaminations @include(if: $flag) { clinicalDetails kind }
        policeReport @skip(if: $flag) { journalNumber }
        crisisSupportSessions @skip(if: true) { counsellorName }
      }
    }`,
    variables: (id: string) => ({ id, flag }),
  })),
  {
    name: "a literal @skip without variables",
    query: `{ boernehusCases(first: 2) { id medicalExaminations @skip(if: true) { clinicalDetails } } }`,
    variables: () => ({}),
  },
];

describe("both field-rule plugins give every persona the same answer", () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))("%s", async (_name, shape) => {
    const id = matrixCase()?.caseId as string;
    let refusals = 0;
    for (const persona of PERSONAS) {
      // Twice through the cached plugin: the second answer comes from its cache.
      const cached = await ask("cached", persona.id, shape.query, shape.variables(id));
      const again = await ask("cached", persona.id, shape.query, shape.variables(id));
      const walked = await ask("generic-auth", persona.id, shape.query, shape.variables(id));
      expect(cached, persona.id).toEqual(walked);
      expect(again, persona.id).toEqual(walked);
      refusals += (walked.errors ?? []).filter((e) => e.extensions?.code === "UNAUTHORIZED").length;
    }
    expect(refusals).toBeGreaterThan(0);
  });
});

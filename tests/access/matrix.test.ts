import { readFileSync } from "node:fs";
import { allows, type FieldRule, readFieldRules, scopesFor } from "@samraad/access";
import { SUPERGRAPH_PATH } from "@samraad/gateway";
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
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

describe("the access matrix through the gateway", () => {
  it("asks for a good share of the graph", () => {
    const count = (nodes: Node[]): number => nodes.reduce((n, c) => n + 1 + count(c.children), 0);
    expect(count([root])).toBeGreaterThan(100);
  });

  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s sees exactly the fields its classification allows", async (_id, persona) => {
    const course = stack.world.courses.find((c) => c.finalNote && c.police && c.medicalExaminations.length > 0) ?? stack.world.courses[0];
    const res = await stack.query(persona.id, QUERY, { id: course?.caseId });
    const denied = new Set(
      (res.errors ?? []).filter((e) => e.extensions?.code === "UNAUTHORIZED").map((e) => String(e.extensions?.coordinate)),
    );
    expect([...denied].sort()).toEqual([...expectedDenied([root], scopesFor(persona))].sort());
  });
});

import { readFileSync } from "node:fs";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  Source,
  TokenKind,
} from "graphql";
import { describe, expect, it } from "vitest";

// The operations the web app sends (the trusted-documents manifest the codegen writes) against
// the gateway's query limits: depth 12, 15 aliases, 5,000 tokens, and a list's cost multiplied
// by its `first`. The limits are the gateway's; this keeps the pages well inside them.
const MANIFEST = JSON.parse(readFileSync(new URL("../src/generated/persisted-documents.json", import.meta.url), "utf8")) as Record<
  string,
  string
>;
const LIMITS = { depth: 12, aliases: 15, tokens: 5000, first: 100 };

interface Measure {
  depth: number;
  aliases: number;
  /** Literal `first` arguments; a variable counts as null. */
  firsts: Array<number | null>;
}

function measure(document: DocumentNode): Map<string, Measure> {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const walk = (set: SelectionSetNode, depth: number, m: Measure) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.alias) m.aliases += 1;
        for (const arg of s.arguments ?? []) {
          if (arg.name.value === "first") m.firsts.push(arg.value.kind === Kind.INT ? Number(arg.value.value) : null);
        }
        m.depth = Math.max(m.depth, depth + 1);
        if (s.selectionSet) walk(s.selectionSet, depth + 1, m);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, depth, m);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet, depth, m);
      }
    }
  };
  const result = new Map<string, Measure>();
  for (const op of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
    const m: Measure = { depth: 0, aliases: 0, firsts: [] };
    walk(op.selectionSet, 0, m);
    result.set(op.name?.value ?? "", m);
  }
  return result;
}

function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

const OPERATIONS = new Map<string, Measure & { tokens: number }>();
for (const text of Object.values(MANIFEST)) {
  for (const [name, m] of measure(parse(text))) OPERATIONS.set(name, { ...m, tokens: tokens(text) });
}

describe("the operations the web app sends", () => {
  it("stay inside the gateway's depth, alias, token and page-size limits", () => {
    expect(OPERATIONS.size).toBeGreaterThan(10);
    for (const [name, m] of OPERATIONS) {
      expect(m.depth, name).toBeLessThanOrEqual(LIMITS.depth);
      expect(m.aliases, name).toBeLessThanOrEqual(LIMITS.aliases);
      expect(m.tokens, name).toBeLessThanOrEqual(LIMITS.tokens);
      for (const first of m.firsts) if (first !== null) expect(first, name).toBeLessThanOrEqual(LIMITS.first);
    }
  });

  it("give the leader dashboard and the statistics page a small, fixed cost: no lists by `first`, three aliases at most", () => {
    for (const name of ["DashboardStatistics", "StatisticsPageTable", "StatisticsStatus"]) {
      const m = OPERATIONS.get(name);
      expect(m, name).toBeDefined();
      expect(m?.firsts, name).toEqual([]);
      expect(m?.aliases, name).toBeLessThanOrEqual(3);
      expect(m?.depth, name).toBeLessThanOrEqual(3);
    }
    expect(OPERATIONS.has("DashboardCases")).toBe(false);
  });

  it("ask for a leader's restricted cases with a literal page size, and break the glass with an idempotency key", () => {
    expect(OPERATIONS.get("MyRestrictedCases")?.firsts).toEqual([100]);
    const breakTheGlass = Object.values(MANIFEST).find((text) => text.includes("mutation BreakTheGlass"));
    expect(breakTheGlass).toContain("idempotencyKey: $idempotencyKey");
  });
});

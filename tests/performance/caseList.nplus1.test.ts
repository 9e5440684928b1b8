import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * No N+1: the case list costs each subgraph the same number of SQL statements for 10
 * cases as for 500. A count, not a timing (timings belong in `npm run bench`).
 * The list asks for fields from all four subgraphs, as the bench's case-list workload does.
 * It leaves out the responses to recommendations: the ten newest cases have none, so the
 * municipality would rightly skip that statement for 10 cases and not for 500 (a difference
 * of data, not of batching; apps/municipality/test/batching.test.ts covers those).
 */
const CASE_LIST = /* GraphQL */ `
  query CaseList($first: Int!) {
    boernehusCases(first: $first) {
      id
      status
      referralReceivedAt
      samraadMeetings { kind status actionItems { title status } }
      finalNote { status }
      child { firstName lastName }
      referral { referredAt abuseTypes }
      caseworker { caseworkerName }
      policeReport { journalNumber videoInterviews { status scheduledAt } }
      medicalExaminations { kind status unit }
    }
  }
`;

// Organisation-wide: the børnehus leader sees every case Hovedstaden runs (about a third of them).
const PERSONA = "leader-boernehus-hovedstaden";
let stack: Stack;
let counting = false;
const statements = new Map<string, string[]>();

beforeAll(async () => {
  stack = await startStack({
    // 1,600 courses: 524 of them run by Hovedstaden.
    courses: 1600,
    coursesPerYear: 800,
    onQuery: (subgraph, sql) => {
      if (counting) statements.set(subgraph, [...(statements.get(subgraph) ?? []), sql]);
    },
  });
}, 600_000);
afterAll(async () => stack?.stop());

async function statementsFor(first: number): Promise<{ cases: number; bySubgraph: Record<string, string[]> }> {
  statements.clear();
  counting = true;
  const res = await stack.query<{ boernehusCases: unknown[] }>(PERSONA, CASE_LIST, { first });
  counting = false;
  expect(res.errors).toBeUndefined();
  return { cases: res.data?.boernehusCases.length ?? 0, bySubgraph: Object.fromEntries(statements) };
}

describe("the case list has no N+1", () => {
  it("runs as many SQL statements per subgraph for 500 cases as for 10", async () => {
    await statementsFor(10); // warm-up: first requests open connections and prepare
    const few = await statementsFor(10);
    const many = await statementsFor(500);
    expect(few.cases).toBe(10);
    expect(many.cases).toBe(500);
    for (const subgraph of ["municipality", "police", "health", "boernehus"]) {
      const [fewSql, manySql] = [few.bySubgraph[subgraph] ?? [], many.bySubgraph[subgraph] ?? []];
      expect(fewSql.length, subgraph).toBeGreaterThan(0);
      expect(manySql.length, `${subgraph}:\n10 cases: ${fewSql.join("\n")}\n500 cases: ${manySql.join("\n")}`).toBe(fewSql.length);
    }
  }, 120_000);
});

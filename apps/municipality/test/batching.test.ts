import { randomUUID } from "node:crypto";
import { callSubgraph, runSubgraph, type SubgraphInstance } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { municipality } from "../src/app.ts";
import { createClient, type Db } from "../src/data/client.ts";
import { caseRef, caseworker, childInput, coordinator, DECIDE_BFU, ok, REFER, REGISTER, referralInput } from "./helpers.ts";

/** The subgraph with a client that counts its SQL statements. */
let statements = 0;
let sg: SubgraphInstance<Db>;

beforeAll(async () => {
  sg = await runSubgraph(
    {
      ...municipality,
      createClient: (url) =>
        createClient(url, {
          onQuery: () => {
            statements += 1;
          },
        }),
    },
    { database: "test" },
  );
});
afterAll(async () => sg?.stop());

const call = (query: string, variables: Record<string, unknown>, principal = caseworker) =>
  callSubgraph(sg.url, "municipality", principal, query, variables);

async function referredCase(): Promise<string> {
  const child = ok<{ id: string }>(await call(REGISTER, { input: childInput() }), "registerChild");
  ok(await call(DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-03-01T09:00:00Z" } }), "decideChildAssessment");
  return ok<{ caseId: string }>(await call(REFER, { input: referralInput(child.id) }), "referToBoernehus").caseId;
}

const CASES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase {
  child { firstName custodyHolders { id } } referral { id } childAssessment { status } caseworker { id } measures { id } recommendationResponses { id }
} } }`;

async function statementsFor(caseIds: string[], query = CASES): Promise<number> {
  const reps = await Promise.all(caseIds.map(async (id) => ({ ...(await caseRef(coordinator, id)), ...HUB_FACTS })));
  statements = 0;
  const res = await call(query, { reps }, coordinator);
  expect(res.body.errors).toBeUndefined();
  return statements;
}

/** What the børnehus adds to each representation for the clocks (@requires). */
const HUB_FACTS = { finalNoteSentAt: "2026-04-01T10:00:00.000Z", recommendationIds: [randomUUID()] };

const CLOCKS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase {
  municipalityClocks { kind status startedAt dueAt metAt }
} } }`;

describe("batching through _entities", () => {
  it("costs the same number of SQL statements for 2 cases as for 12 (no N+1)", async () => {
    const caseIds: string[] = [];
    for (let i = 0; i < 12; i++) caseIds.push(await referredCase());
    const few = await statementsFor(caseIds.slice(0, 2));
    const many = await statementsFor([...caseIds, randomUUID()]);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
    // referral, child, custody holders, assessments, assignments, measures, responses: one each;
    // and the replay guard's one INSERT of the request's token id (per request, not per case).
    expect(many).toBeLessThanOrEqual(8);
  });

  it("computes the municipality's clocks for N cases with the same few statements as for 2", async () => {
    const caseIds: string[] = [];
    for (let i = 0; i < 8; i++) caseIds.push(await referredCase());
    const few = await statementsFor(caseIds.slice(0, 2), CLOCKS);
    const many = await statementsFor(caseIds, CLOCKS);
    expect(many).toBe(few);
    // referral, the child's referrals, notifications, assessments, measures, responses: one each;
    // and the replay guard's one INSERT of the request's token id.
    expect(many).toBeLessThanOrEqual(7);
  });
});

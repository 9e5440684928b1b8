import { QueryPlanner } from "@graphql-hive/router-query-planner";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type GraphQLResponse, type Stack, startStack } from "../support/stack.ts";

/**
 * The gateway reuses one query plan for every request with the same document and the same
 * refused fields (useStableDocuments in apps/gateway/src/fieldAccess.ts). Sharing a plan must
 * never share what one person may see with another: people with different field rules,
 * taking turns on one gateway, each get exactly the answer a gateway that never saw the
 * others gives them.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

// Health's clinical details (health only) and the crisis counsellor's name (the børnehus's
// own): each persona below is refused a different part of this one document.
const CASE = /* GraphQL */ `
  query SharedPlanCase($id: ID!) {
    boernehusCase(id: $id) {
      id
      child { firstName }
      policeReport { journalNumber }
      medicalExaminations { kind findingsSummary clinicalDetails }
      crisisSupportSessions { heldAt counsellorName }
    }
  }
`;
const PERSONAS = ["physician-rh", "investigator-kbh", "coordinator-hovedstaden", "analyst-national"];

/** What a person may see of the answer: the data, and each refusal's code and path. */
function seen(res: GraphQLResponse) {
  return {
    status: res.status,
    data: res.data,
    refusals: (res.errors ?? []).map((e) => `${e.extensions?.code} ${e.path?.join(".") ?? ""}`).sort(),
  };
}

async function ask(url: string, persona: string, id: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await stack.token(persona)}` },
    body: JSON.stringify({ query: CASE, variables: { id } }),
  });
  return seen({ status: res.status, ...((await res.json()) as object) });
}

describe("query plans shared between requests", () => {
  it("are made once per document and set of refused fields, and never widen what anyone sees", async () => {
    const course = stack.courseOf(
      "persona:investigator-kbh",
      (c) =>
        c.participants.some((p) => p.sub === "persona:physician-rh") &&
        c.participants.some((p) => p.sub === "persona:coordinator-hovedstaden") &&
        c.police !== null &&
        c.medicalExaminations.some((e) => e.performedAt !== null),
    );
    // Each person's answer from a gateway of its own, which has planned for nobody else.
    const alone: Record<string, ReturnType<typeof seen>> = {};
    for (const persona of PERSONAS) {
      const gateway = await stack.startGateway({});
      alone[persona] = await ask(gateway.url, persona, course.caseId);
    }
    // The rules differ, so the answers do: the physician sees the clinical details, the
    // investigator and the coordinator do not; only the coordinator sees the counsellor's
    // name; the analyst sees nothing of the case.
    const clinical = (persona: string) =>
      (alone[persona]?.data as { boernehusCase?: { medicalExaminations?: Array<{ clinicalDetails: unknown }> } } | null)?.boernehusCase
        ?.medicalExaminations;
    expect(clinical("physician-rh")?.some((e) => e.clinicalDetails !== null)).toBe(true);
    expect(clinical("investigator-kbh")?.every((e) => e.clinicalDetails === null)).toBe(true);
    expect(clinical("coordinator-hovedstaden")?.every((e) => e.clinicalDetails === null)).toBe(true);
    expect(alone["investigator-kbh"]?.refusals).toContainEqual(expect.stringMatching(/^UNAUTHORIZED .*clinicalDetails$/));
    const counsellorRefused = (persona: string) => alone[persona]?.refusals.some((r) => r.endsWith("counsellorName"));
    expect(PERSONAS.slice(0, 3).filter(counsellorRefused)).toEqual(["physician-rh", "investigator-kbh"]);
    expect(alone["analyst-national"]?.data?.boernehusCase ?? null).toBeNull();
    expect(new Set(PERSONAS.map((p) => JSON.stringify(alone[p]))).size).toBe(PERSONAS.length);

    // Now all of them take turns on one gateway, in both orders.
    const planned = vi.spyOn(QueryPlanner.prototype, "planAsync");
    try {
      const turns = [...PERSONAS, ...[...PERSONAS].reverse(), ...PERSONAS, ...PERSONAS];
      let plansAfterFirstRound = 0;
      for (const [i, persona] of turns.entries()) {
        expect(await ask(stack.gatewayUrl, persona, course.caseId), persona).toEqual(alone[persona]);
        if (i === PERSONAS.length - 1) plansAfterFirstRound = planned.mock.calls.length;
      }
      // One plan per distinct set of refusals (at most one per persona), not one per request.
      expect(plansAfterFirstRound).toBeGreaterThan(0);
      expect(plansAfterFirstRound).toBeLessThanOrEqual(PERSONAS.length);
      expect(planned.mock.calls.length).toBe(plansAfterFirstRound);
    } finally {
      planned.mockRestore();
    }
  });
});

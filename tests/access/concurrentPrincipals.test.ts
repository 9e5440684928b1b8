import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Two people sending the same operation at the same moment each get their own answer.
 * The HTTP executor under Hive Gateway merges identical in-flight subgraph requests by URL
 * and body, and our per-principal signature is added after that: with merging on, one
 * caseworker got the other municipality's cases (found by the follow-up alert scan).
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 120 });
});
afterAll(async () => stack?.stop());

const LIST = "{ boernehusCases(first: 100) { id municipalityCode } }";
const municipalities = (res: { data?: unknown }) =>
  new Set(
    ((res.data as { boernehusCases?: Array<{ municipalityCode: string }> } | undefined)?.boernehusCases ?? []).map(
      (c) => c.municipalityCode,
    ),
  );

describe("identical operations from different people at the same time", () => {
  it("are answered each with the sender's own rows, never merged", async () => {
    // Tokens first, so both requests leave at the same moment.
    await Promise.all([stack.token("caseworker-kbh"), stack.token("caseworker-frb")]);
    for (let round = 0; round < 10; round++) {
      const [kbh, frb] = await Promise.all([stack.query("caseworker-kbh", LIST), stack.query("caseworker-frb", LIST)]);
      expect(kbh.errors).toBeUndefined();
      expect(frb.errors).toBeUndefined();
      expect([...municipalities(kbh)]).toEqual(["0101"]);
      expect([...municipalities(frb)]).toEqual(["0147"]);
    }
  });
});

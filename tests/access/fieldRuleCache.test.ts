import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, type Stack, startStack } from "../support/stack.ts";

/**
 * The gateway decides the field rules once per (document, scopes, @skip/@include values) and
 * keeps the outcome (apps/gateway/src/fieldRules.ts). Who still cannot see: the same document
 * text from people with other scopes, one after another on one gateway, and a flipped
 * @include variable, each gets its own refusals, never the previous person's outcome.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const CASE = /* GraphQL */ `
  query CachedCase($id: ID!, $exams: Boolean!) {
    boernehusCase(id: $id) {
      id
      child { firstName }
      policeReport { journalNumber }
      medicalExaminations { kind clinicalDetails @include(if: $exams) }
      crisisSupportSessions { counsellorName }
    }
  }
`;

type Case = {
  boernehusCase: {
    policeReport: { journalNumber: string | null } | null;
    medicalExaminations?: Array<{ clinicalDetails: string | null }> | null;
    crisisSupportSessions: Array<{ counsellorName: string | null }> | null;
  } | null;
};

const refused = (res: GraphQLResponse<Case>) =>
  (res.errors ?? [])
    .filter((e) => e.extensions?.code === "UNAUTHORIZED")
    .map((e) => String(e.extensions?.coordinate))
    .sort();

describe("the field-rule cache", () => {
  it("never hands one principal's outcome to another with other scopes", async () => {
    const course = stack.courseOf(
      "persona:investigator-kbh",
      (c) =>
        c.participants.some((p) => p.sub === "persona:physician-rh") &&
        c.participants.some((p) => p.sub === "persona:caseworker-kbh") &&
        c.police !== null &&
        c.medicalExaminations.some((e) => e.performedAt !== null),
    );
    const ask = (persona: string, exams = true) => stack.query<Case>(persona, CASE, { id: course.caseId, exams });

    // Police first: their outcome is the first one cached for this document.
    const investigator = await ask("investigator-kbh");
    expect(refused(investigator)).toContain("MedicalExamination.clinicalDetails");
    expect(investigator.data?.boernehusCase?.medicalExaminations?.every((e) => e.clinicalDetails === null)).toBe(true);

    // The physician, same text: clinical details are hers to see, so they are not refused.
    const physician = await ask("physician-rh");
    expect(refused(physician)).not.toContain("MedicalExamination.clinicalDetails");
    expect(physician.data?.boernehusCase?.medicalExaminations?.some((e) => e.clinicalDetails !== null)).toBe(true);

    // The caseworker after both: still refused clinical details, not given the physician's outcome.
    const caseworker = await ask("caseworker-kbh");
    expect(refused(caseworker)).toContain("MedicalExamination.clinicalDetails");
    expect(caseworker.data?.boernehusCase?.medicalExaminations?.every((e) => e.clinicalDetails === null)).toBe(true);

    // And the investigator again, after the physician: the same refusals as the first time.
    const again = await ask("investigator-kbh");
    expect(refused(again)).toEqual(refused(investigator));
    expect(again.data).toEqual(investigator.data);

    // The physician's refusals are her own, not the police's or the caseworker's.
    expect(refused(physician)).not.toEqual(refused(investigator));
    expect(refused(physician)).not.toEqual(refused(caseworker));
  });

  it("decides again when an @include variable flips", async () => {
    const course = stack.courseOf("persona:investigator-kbh", (c) => c.medicalExaminations.length > 0);
    const ask = (exams: boolean) => stack.query<Case>("investigator-kbh", CASE, { id: course.caseId, exams });

    const without = await ask(false);
    expect(refused(without)).not.toContain("MedicalExamination.clinicalDetails");
    expect(without.data?.boernehusCase?.medicalExaminations?.length).toBeGreaterThan(0);
    expect(without.data?.boernehusCase?.medicalExaminations?.every((e) => !("clinicalDetails" in e))).toBe(true);

    // Included now: the refusal comes back, and the field is still null.
    const withExams = await ask(true);
    expect(refused(withExams)).toContain("MedicalExamination.clinicalDetails");
    expect(withExams.data?.boernehusCase?.medicalExaminations?.length).toBeGreaterThan(0);
    expect(withExams.data?.boernehusCase?.medicalExaminations?.every((e) => e.clinicalDetails === null)).toBe(true);

    // And back: the outcome without the examinations, not the one just made.
    expect(refused(await ask(false))).toEqual(refused(without));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const CASE = `query($id: ID!) { boernehusCase(id: $id) { id status child { firstName } policeReport { journalNumber } medicalExaminations { kind } } }`;

describe("row rules through the gateway", () => {
  it("a participant sees the whole case, every sector's part", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.police !== null);
    const res = await stack.query<{ boernehusCase: { child: { firstName: string }; policeReport: { journalNumber: string } } }>(
      "caseworker-kbh",
      CASE,
      {
        id: course.caseId,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.boernehusCase.child.firstName).toBe(course.child.firstName);
    expect(res.data?.boernehusCase.policeReport.journalNumber).toBe(course.police?.journalNumber);
  });

  it("a caseworker from another municipality never sees the case, nor finds it in a list", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    const res = await stack.query("caseworker-frb", CASE, { id: course.caseId });
    expect(res.data?.boernehusCase ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const list = await stack.query<{ boernehusCases: Array<{ municipalityCode: string }> }>(
      "caseworker-frb",
      `{ boernehusCases(first: 500) { municipalityCode } }`,
    );
    expect(list.data?.boernehusCases.length).toBeGreaterThan(0);
    expect(list.data?.boernehusCases.every((c) => c.municipalityCode === "0147")).toBe(true);
    const child = await stack.query("caseworker-frb", `query($id: ID!) { child(id: $id) { firstName } }`, { id: course.child.id });
    expect(child.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("a guessed id is answered exactly like a case one may not see", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    const hidden = await stack.query("caseworker-frb", CASE, { id: course.caseId });
    const guessed = await stack.query("caseworker-frb", CASE, { id: "7d1f0c2e-5b1a-4c3e-8f00-000000000000" });
    expect(guessed.errors?.[0]?.message).toBe(hidden.errors?.[0]?.message);
  });

  it("a statistics analyst sees no personal data at all", async () => {
    const course = stack.world.courses[0];
    const res = await stack.query("analyst-national", CASE, { id: course?.caseId });
    expect(res.data?.boernehusCase ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHORIZED", coordinate: "Query.boernehusCase" });
    const child = await stack.query("analyst-national", `query($id: ID!) { child(id: $id) { firstName } }`, { id: course?.child.id });
    expect(child.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED");
  });

  it("a børnehus leader sees every case of the region, and only those", async () => {
    const list = await stack.query<{ boernehusCases: Array<{ region: string }> }>(
      "leader-boernehus-hovedstaden",
      `{ boernehusCases(first: 500) { region } }`,
    );
    const expected = stack.world.courses.filter((c) => c.region === "HOVEDSTADEN").length;
    expect(list.data?.boernehusCases).toHaveLength(expected);
    expect(list.data?.boernehusCases.every((c) => c.region === "HOVEDSTADEN")).toBe(true);
  });

  it("breaking the glass opens a case for a while, with every sector's part, and flags it for review", async () => {
    const course = stack.courseOf(
      "persona:caseworker-kbh",
      (c) => c.police !== null && !c.participants.some((p) => p.sub === "persona:physician-rh"),
    );
    expect((await stack.query("physician-rh", CASE, { id: course.caseId })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const opened = await stack.query(
      "physician-rh",
      `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id myAccess { basis expiresAt } } }`,
      {
        input: { caseId: course.caseId, reason: "Akut indlæggelse i nattevagt, barnet er på skadestuen nu" },
      },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.openCaseInEmergency).toMatchObject({ myAccess: { basis: "EMERGENCY" } });
    const res = await stack.query<{ boernehusCase: { policeReport: { journalNumber: string } } }>("physician-rh", CASE, {
      id: course.caseId,
    });
    expect(res.data?.boernehusCase.policeReport.journalNumber).toBe(course.police?.journalNumber);
    const review = await stack.query<{ emergencyAccessesForReview: Array<{ caseId: string; reason: string }> }>(
      "leader-kbh",
      `{ emergencyAccessesForReview { caseId reason } }`,
    );
    expect(review.data?.emergencyAccessesForReview.some((e) => e.caseId === course.caseId)).toBe(true);
  });
});

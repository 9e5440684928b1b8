import { formatCpr } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

// The data protection officer finds a child by the CPR number the parents give (issue 20: the
// access report's screen). Who still cannot: everyone but the officer, and the officer for a
// child of another municipality, who learn nothing, not even whether the number exists.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const REPORT = /* GraphQL */ `
  query ($cpr: String!) {
    accessReportForCpr(cpr: $cpr) {
      childId
      caseIds
      municipalityLog { at organisation purpose }
    }
  }
`;

type Report = { accessReportForCpr: { childId: string; caseIds: string[]; municipalityLog: Array<{ organisation: string }> } | null };

const digitsOnly = (cpr: string) => cpr.replace("-", "");

describe("the access report by CPR number", () => {
  it("finds the officer's own child, written with or without the hyphen", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    for (const cpr of [course.child.cpr, digitsOnly(course.child.cpr)]) {
      const res = await stack.query<Report>("dpo-kbh", REPORT, { cpr });
      expect(res.errors).toBeUndefined();
      expect(res.data?.accessReportForCpr?.childId).toBe(course.child.id);
      expect(res.data?.accessReportForCpr?.caseIds).toContain(course.caseId);
    }
  });

  it("refuses a malformed number with BAD_USER_INPUT naming the field", async () => {
    const res = await stack.query<Report>("dpo-kbh", REPORT, { cpr: "12-34" });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr" });
  });

  it("answers another municipality's child exactly like a number nobody has", async () => {
    const other = stack.world.courses.find((c) => c.municipalityCode !== "0101");
    expect(other).toBeDefined();
    const theirs = await stack.query<Report>("dpo-kbh", REPORT, { cpr: other?.child.cpr });
    // A number nobody has, made by the synthetic generator (day + 60: the replacement-number range).
    const nobody = await stack.query<Report>("dpo-kbh", REPORT, { cpr: formatCpr("2001-01-01", 0) });
    expect(theirs.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(theirs.errors?.[0]?.message).toBe(nobody.errors?.[0]?.message);
    expect(theirs.data?.accessReportForCpr ?? null).toBeNull();
  });

  it("is closed to everyone but the officer: caseworker, leader, analyst and the other sectors", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    for (const persona of ["caseworker-kbh", "leader-kbh", "analyst-national", "investigator-kbh", "coordinator-hovedstaden"]) {
      const res = await stack.query<Report>(persona, REPORT, { cpr: course.child.cpr });
      expect(res.data?.accessReportForCpr ?? null, persona).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, persona).toBe("UNAUTHORIZED");
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const REPORT = /* GraphQL */ `
  query($childId: ID!) {
    accessReport(childId: $childId) {
      caseIds
      municipalityLog { at organisation sector purpose action decision fieldPaths }
      policeLog { at organisation sector purpose decision fieldPaths }
      healthLog { organisation purpose }
      boernehusLog { organisation sector purpose fieldPaths }
    }
  }
`;

type Entry = { organisation: string; sector: string; purpose: string; fieldPaths: string[] };

describe("the data protection officer's access report", () => {
  it("lists every sector's look-ups of a child, with dates, organisations and purposes, never the values", async () => {
    const course = stack.courseOf("persona:investigator-kbh", (c) => c.police !== null);
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await stack.token("investigator-kbh")}`,
        "x-samraad-purpose": "Efterforskning: planlægning af videoafhøring",
      },
      body: JSON.stringify({
        query: `query($id: ID!) { boernehusCase(id: $id) { status child { firstName } policeReport { journalNumber } } }`,
        variables: { id: course.caseId },
      }),
    });
    expect(res.status).toBe(200);

    const report = await stack.query<{
      accessReport: { caseIds: string[]; municipalityLog: Entry[]; policeLog: Entry[]; boernehusLog: Entry[] };
    }>("dpo-kbh", REPORT, { childId: course.child.id });
    expect(report.errors).toBeUndefined();
    const r = report.data?.accessReport;
    expect(r?.caseIds).toContain(course.caseId);
    const lookup = (log: Entry[] | undefined) => log?.find((e) => e.purpose === "Efterforskning: planlægning af videoafhøring");
    expect(lookup(r?.municipalityLog)).toMatchObject({ organisation: "KBH", sector: "POLICE" });
    expect(lookup(r?.municipalityLog)?.fieldPaths).toContain("Child.firstName");
    expect(lookup(r?.policeLog)?.fieldPaths).toContain("PoliceReport.journalNumber");
    expect(lookup(r?.boernehusLog)?.fieldPaths).toContain("BoernehusCase.status");
    expect(JSON.stringify(r)).not.toContain(course.child.firstName);
    expect(JSON.stringify(r)).not.toContain(course.police?.journalNumber);
  });

  it("is for the data protection officer only", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    const res = await stack.query("caseworker-kbh", REPORT, { childId: course.child.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHORIZED", coordinate: "Query.accessReport" });
  });

  it("covers the officer's own municipality only", async () => {
    const other = stack.world.courses.find((c) => c.municipalityCode !== "0101");
    if (!other) return;
    const res = await stack.query("dpo-kbh", REPORT, { childId: other.child.id });
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

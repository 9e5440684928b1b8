import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Issue 22, point 5: an emergency read (break the glass) is recorded as one in every sector that
 * served it, and the child's access report shows it so; an ordinary read is not, whatever purpose
 * the client states.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const CASE = `query($id: ID!) { boernehusCase(id: $id) { id status child { firstName } policeReport { journalNumber } medicalExaminations { kind } } }`;
const REASON = "Akut indlæggelse i nattevagt, barnet er på skadestuen nu";

type Entry = { organisation: string; sector: string; purpose: string; decision: string; fieldPaths: string[]; requestId: string };
type Report = { municipalityLog: Entry[]; policeLog: Entry[]; healthLog: Entry[]; boernehusLog: Entry[] };
const LOGS = ["municipalityLog", "policeLog", "healthLog", "boernehusLog"] as const;
const ENTRY = "{ organisation sector purpose decision fieldPaths requestId }";
const REPORT = `query($childId: ID!) { accessReport(childId: $childId) { ${LOGS.map((l) => `${l} ${ENTRY}`).join(" ")} } }`;

async function readAs(persona: string, query: string, variables: Record<string, unknown>, purpose: string) {
  const res = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await stack.token(persona)}`,
      "x-samraad-purpose": purpose,
    },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  return { body, requestId: res.headers.get("x-request-id") ?? "" };
}

async function reportFor(childId: string): Promise<Report> {
  const res = await stack.query<{ accessReport: Report }>("dpo-kbh", REPORT, { childId });
  expect(res.errors).toBeUndefined();
  return res.data?.accessReport as Report;
}

/** Every sector's entries of one request. */
const ofRequest = (report: Report, requestId: string) =>
  Object.fromEntries(LOGS.map((log) => [log, report[log].filter((e) => e.requestId === requestId)])) as Record<
    (typeof LOGS)[number],
    Entry[]
  >;

describe("emergency reads in the audit log and the access report", () => {
  it("a break-the-glass read is an emergency read in every sector that was read; a participant's read of the same case is not", async () => {
    const course = stack.courseOf(
      "persona:caseworker-kbh",
      (c) => c.police !== null && !c.participants.some((p) => p.sub === "persona:physician-rh"),
    );
    const opened = await stack.query(
      "physician-rh",
      `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id myAccess { basis } } }`,
      { input: { caseId: course.caseId, reason: REASON } },
    );
    expect(opened.errors).toBeUndefined();

    const emergency = await readAs("physician-rh", CASE, { id: course.caseId }, "Akut behandling");
    expect(emergency.body.errors).toBeUndefined();
    expect(emergency.requestId).not.toBe("");
    const ordinary = await readAs("investigator-kbh", CASE, { id: course.caseId }, "Efterforskning");
    expect(ordinary.body.errors).toBeUndefined();

    const report = await reportFor(course.child.id);
    const read = ofRequest(report, emergency.requestId);
    for (const log of LOGS) {
      // The sector was read in that request, and every entry of it says emergency, with the reason.
      expect(read[log].length, log).toBeGreaterThan(0);
      for (const entry of read[log]) {
        expect(entry, log).toMatchObject({ organisation: "REGION_H", sector: "HEALTH", purpose: `EMERGENCY: ${REASON}` });
      }
    }
    expect(read.municipalityLog.flatMap((e) => e.fieldPaths)).toContain("Child.firstName");
    expect(read.policeLog.flatMap((e) => e.fieldPaths)).toContain("PoliceReport.journalNumber");
    expect(read.healthLog.flatMap((e) => e.fieldPaths)).toContain("BoernehusCase.medicalExaminations");
    expect(read.boernehusLog.flatMap((e) => e.fieldPaths)).toContain("BoernehusCase.status");

    const participant = ofRequest(report, ordinary.requestId);
    for (const log of LOGS) {
      expect(participant[log].length, log).toBeGreaterThan(0);
      for (const entry of participant[log]) expect(entry, log).toMatchObject({ organisation: "KBH", purpose: "Efterforskning" });
    }
  });

  it("in one list, only the case opened on emergency access is an emergency read", async () => {
    const mine = stack.courseOf("persona:physician-rh", (c) => c.municipalityCode === "0101");
    const other = stack.courseOf(
      "persona:caseworker-kbh",
      (c) => c.caseId !== mine.caseId && !c.participants.some((p) => p.sub === "persona:physician-rh"),
    );
    const reason = "Barnet er indbragt akut, jeg skal kende samrådets plan for det";
    const opened = await stack.query(
      "physician-rh",
      `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id } }`,
      { input: { caseId: other.caseId, reason } },
    );
    expect(opened.errors).toBeUndefined();

    const list = await readAs("physician-rh", `{ boernehusCases(first: 500) { id status child { firstName } } }`, {}, "Oversigt");
    expect(list.body.errors).toBeUndefined();
    const ids = ((list.body.data?.boernehusCases ?? []) as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([mine.caseId, other.caseId]));

    const emergencyRead = ofRequest(await reportFor(other.child.id), list.requestId);
    const ordinaryRead = ofRequest(await reportFor(mine.child.id), list.requestId);
    for (const log of ["boernehusLog", "municipalityLog"] as const) {
      expect(emergencyRead[log].length, log).toBeGreaterThan(0);
      expect(
        emergencyRead[log].every((e) => e.purpose === `EMERGENCY: ${reason}`),
        log,
      ).toBe(true);
      expect(ordinaryRead[log].length, log).toBeGreaterThan(0);
      expect(
        ordinaryRead[log].every((e) => e.purpose === "Oversigt"),
        log,
      ).toBe(true);
    }
    // The child of the emergency case was read on emergency access, not as the physician's own.
    expect(emergencyRead.municipalityLog.flatMap((e) => e.fieldPaths)).toContain("Child.firstName");
  });

  it("a client cannot make an ordinary read look like an emergency read", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    const forged = await readAs("caseworker-kbh", CASE, { id: course.caseId }, `EMERGENCY: ${REASON}`);
    expect(forged.body.errors).toBeUndefined();
    const read = ofRequest(await reportFor(course.child.id), forged.requestId);
    const entries = LOGS.flatMap((log) => read[log]);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.purpose).toBe("CASEWORK");
  });
});

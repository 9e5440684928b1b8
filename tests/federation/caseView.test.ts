import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

/** The shape CASE_VIEW asks for (the web app gets these types generated from the supergraph). */
interface CaseViewResult {
  status: string;
  child: { firstName: string; lastName: string };
  referral: { referredAt: string };
  policeReport: { journalNumber: string };
  medicalExaminations: Array<{ kind: string }>;
  samraadMeetings: unknown[];
  finalNote: { recommendations: unknown[] };
}

const CASE_VIEW = /* GraphQL */ `
  query CaseView($id: ID!) {
    boernehusCase(id: $id) {
      id
      status
      region
      referralReceivedAt
      child { firstName lastName }
      referral { referredAt abuseTypes }
      caseworker { caseworkerName }
      policeReport { journalNumber videoInterviews { status scheduledAt } }
      medicalExaminations { kind unit findingsSummary }
      samraadMeetings { kind actionItems { title owningSector status } }
      finalNote { status recommendations { kind response { response } } }
    }
  }
`;

describe("one case through the gateway", () => {
  it("returns each sector's part of the case in one query", async () => {
    const course = stack.courseOf(
      "persona:coordinator-hovedstaden",
      (c) => c.police !== null && c.medicalExaminations.length > 0 && c.finalNote !== null,
    );
    const res = await stack.query<{ boernehusCase: CaseViewResult }>("coordinator-hovedstaden", CASE_VIEW, { id: course.caseId });
    expect(res.errors).toBeUndefined();
    const view = res.data?.boernehusCase as CaseViewResult;
    // børnehus
    expect(view.status).toBe(course.course.status);
    expect(view.samraadMeetings).toHaveLength(course.meetings.length);
    expect(view.finalNote.recommendations).toHaveLength(course.finalNote?.recommendations.length ?? 0);
    // municipality
    expect(view.child).toEqual({ firstName: course.child.firstName, lastName: course.child.lastName });
    expect(new Date(view.referral.referredAt).toISOString()).toBe(new Date(course.referral.referredAt).toISOString());
    // police
    expect(view.policeReport.journalNumber).toBe(course.police?.journalNumber);
    // health
    expect(view.medicalExaminations.map((e) => e.kind).sort()).toEqual(course.medicalExaminations.map((e) => e.kind).sort());
  });

  it("hides what a principal may not see, says why, and keeps the rest of the answer", async () => {
    const course = stack.courseOf("persona:investigator-kbh", (c) => c.medicalExaminations.some((e) => e.performedAt !== null));
    const res = await stack.query<{ boernehusCase: { medicalExaminations: Array<Record<string, unknown>> } }>(
      "investigator-kbh",
      `query($id: ID!) { boernehusCase(id: $id) { id medicalExaminations { kind findingsSummary clinicalDetails } } }`,
      { id: course.caseId },
    );
    const exams = res.data?.boernehusCase.medicalExaminations ?? [];
    expect(exams.length).toBeGreaterThan(0);
    expect(exams.every((e) => e.clinicalDetails === null)).toBe(true);
    expect(exams.some((e) => typeof e.findingsSummary === "string")).toBe(true);
    const error = res.errors?.find((e) => e.path?.includes("clinicalDetails"));
    // Never fetched: the health subgraph's audit log shows the summary was read, the details not.
    const healthLog = await stack.subgraphs.health.auditLog.entriesFor({ caseIds: [course.caseId], childIds: [] });
    const investigatorPaths = healthLog.filter((e) => e.actorSub === "persona:investigator-kbh").flatMap((e) => e.fieldPaths);
    expect(investigatorPaths).toContain("MedicalExamination.findingsSummary");
    expect(investigatorPaths).not.toContain("MedicalExamination.clinicalDetails");
    expect(error?.extensions).toMatchObject({ code: "UNAUTHORIZED", reason: "Kun sundhedsvæsenet", classification: "SECTOR-INTERNAL" });
  });
});

describe("the query planners", () => {
  it("the JavaScript planner (SAMRAAD_QUERY_PLANNER=javascript) answers exactly as the default Rust one, refusals included", async () => {
    const javascript = await stack.startGateway({ queryPlanner: "javascript" });
    const ask = async (url: string, persona: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await stack.token(persona)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: Array<{ path?: unknown; extensions?: { code?: unknown } }> };
      return {
        status: res.status,
        data: body.data,
        errors: (body.errors ?? []).map((e) => [JSON.stringify(e.path), e.extensions?.code]).sort(),
      };
    };
    const participant = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null && c.finalNote !== null);
    const investigator = stack.courseOf("persona:investigator-kbh", (c) => c.medicalExaminations.some((e) => e.performedAt !== null));
    const restricted = `query($id: ID!) { boernehusCase(id: $id) { id medicalExaminations { kind findingsSummary clinicalDetails } } }`;
    for (const [persona, query, id] of [
      ["coordinator-hovedstaden", CASE_VIEW, participant.caseId],
      ["investigator-kbh", restricted, investigator.caseId],
      ["caseworker-frb", CASE_VIEW, participant.caseId], // another municipality: no case at all
      ["analyst-national", CASE_VIEW, participant.caseId], // every field refused: nothing left to plan
    ] as const) {
      const rust = await ask(stack.gatewayUrl, persona, query, { id });
      expect(await ask(javascript.url, persona, query, { id })).toEqual(rust);
    }
    const denied = await ask(stack.gatewayUrl, "investigator-kbh", restricted, { id: investigator.caseId });
    expect(denied.errors.map(([, code]) => code)).toContain("UNAUTHORIZED");
  });
});

describe("bad input through the gateway", () => {
  it("a referral that misses its criteria gets a clear error and changes nothing", async () => {
    const course = stack.courseOf("persona:caseworker-kbh");
    const before = await stack.subgraphs.municipality.client.referral.count();
    const res = await stack.query(
      "caseworker-kbh",
      `mutation($input: ReferToBoernehusInput!) { referToBoernehus(input: $input) { id caseId } }`,
      {
        input: {
          childId: course.child.id,
          boernehusRegion: "HOVEDSTADEN",
          suspicionOrKnowledge: true,
          childAssessmentDecided: true,
          otherSectorInvolved: false,
          abuseTypes: ["PHYSICAL"],
          policeReportFiled: false,
          referredAt: "2026-10-01T09:00:00Z",
        },
      },
    );
    expect(res.data?.referToBoernehus ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("CRITERIA_NOT_MET");
    expect(res.errors?.[0]?.message).toMatch(/sector/i);
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|at \w+ \(|node_modules/);
    expect(await stack.subgraphs.municipality.client.referral.count()).toBe(before);
  });

  it("a sent final note cannot be edited", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.finalNote?.status === "SENT");
    const res = await stack.query(
      "coordinator-hovedstaden",
      `mutation($input: ReviseFinalNoteDraftInput!) { reviseFinalNoteDraft(input: $input) { id } }`,
      { input: { id: course.finalNote?.id, text: "Ændret tekst", recommendations: [], version: 1 } },
    );
    expect(res.errors?.[0]?.extensions?.code).toMatch(/INVALID_STATE_TRANSITION|CONFLICT/);
  });

  it("refuses requests without a valid token", async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(401);
  });

  it("a direct call to a subgraph, around the gateway, is refused", async () => {
    const res = await fetch(stack.subgraphs.health.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ _entities(representations: [{__typename: "BoernehusCase", id: "x"}]) { __typename } }` }),
    });
    expect(res.status).toBe(401);
  });
});

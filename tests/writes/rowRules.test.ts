import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unjustifiedEmergencyAccess } from "../support/emergencyAccess.ts";
import { type GraphQLResponse, type Stack, startStack } from "../support/stack.ts";

/**
 * Issue 19: every write obeys the row rules. Each block is a defect the issue lists, tried
 * through the gateway over real HTTP as the attacker did; each failed on main before the fix.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 120 });
  // A whole stack, seeded: on a shared machine it may take longer than the default hook timeout.
}, 600_000);
afterAll(async () => stack?.stop());

const ABSENT = "7d1f0c2e-5b1a-4c3e-8f00-000000000000";
const errorOf = (res: GraphQLResponse) => res.errors?.[0];
/** The nth Copenhagen case (0101) with recommendations in its final note, whoever takes part. */
const kbhCourseWithRecommendations = (nth: number) => {
  const found = stack.world.courses.filter((c) => c.municipalityCode === "0101" && (c.finalNote?.recommendations.length ?? 0) > 0)[nth];
  if (!found) throw new Error("no Copenhagen course with recommendations");
  return found;
};

describe("refusals reveal neither existence nor owner (issue 19.4)", () => {
  const M = {
    decideMeasure: `mutation($input: DecideMeasureInput!) { decideMeasure(input: $input) { id } }`,
    respondToRecommendation: `mutation($input: RespondToRecommendationInput!) { respondToRecommendation(input: $input) { id } }`,
    assignCaseworker: `mutation($input: AssignCaseworkerInput!) { assignCaseworker(input: $input) { id } }`,
    addCustodyHolder: `mutation($input: AddCustodyHolderInput!) { addCustodyHolder(input: $input) { id } }`,
    recordNotification: `mutation($input: RecordNotificationInput!) { recordNotification(input: $input) { id } }`,
  };
  const inputs = (caseId: string, childId: string, recommendationId: string, now: Date) => ({
    decideMeasure: { caseId, kind: "FAMILY_TREATMENT", decidedAt: now.toISOString() },
    respondToRecommendation: {
      recommendationId,
      recommendationGrant: "none",
      caseId,
      response: "OTHER_SUPPORT",
      otherSupport: "Samtaleforløb",
      otherSupportKind: "ALONGSIDE_COURSE",
    },
    assignCaseworker: { caseId, caseworkerSub: "persona:caseworker-frb", caseworkerName: "Rasmus Holm", from: now.toISOString() },
    addCustodyHolder: { childId, name: "Syntetisk Forælder", relation: "OTHER" },
    recordNotification: { childId, receivedAt: now.toISOString(), source: "SCHOOL", concern: "Syntetisk bekymring til test" },
  });

  it("Frederiksberg gets the same NOT_FOUND for a Copenhagen record as for an id that does not exist, and nothing changes", async () => {
    const course = kbhCourseWithRecommendations(0);
    const recommendationId = course.finalNote?.recommendations[0]?.id as string;
    const now = stack.clock.now();
    const real = inputs(course.caseId, course.child.id, recommendationId, now);
    const absent = inputs(ABSENT, ABSENT, ABSENT, now);
    const m = stack.subgraphs.municipality.client;
    const before = {
      measures: await m.measure.count({ where: { caseId: course.caseId } }),
      holders: await m.custodyHolder.count({ where: { childId: course.child.id } }),
      notifications: await m.notification.count({ where: { childId: course.child.id } }),
      assignments: await m.caseworkerAssignment.count({ where: { caseId: course.caseId } }),
      responses: await m.recommendationResponse.count({ where: { caseId: course.caseId } }),
    };
    for (const [name, query] of Object.entries(M) as Array<[keyof typeof M, string]>) {
      const hidden = await stack.query("caseworker-frb", query, { input: real[name] });
      const missing = await stack.query("caseworker-frb", query, { input: absent[name] });
      expect(errorOf(hidden)?.extensions?.code, name).toBe("NOT_FOUND");
      expect(errorOf(hidden)?.message, name).toBe(errorOf(missing)?.message);
      expect(errorOf(hidden)?.message, name).not.toMatch(/0101|0147|municipality|belongs/i);
    }
    expect({
      measures: await m.measure.count({ where: { caseId: course.caseId } }),
      holders: await m.custodyHolder.count({ where: { childId: course.child.id } }),
      notifications: await m.notification.count({ where: { childId: course.child.id } }),
      assignments: await m.caseworkerAssignment.count({ where: { caseId: course.caseId } }),
      responses: await m.recommendationResponse.count({ where: { caseId: course.caseId } }),
    }).toEqual(before);
    // The refusal is in the audit log.
    const denied = await stack.subgraphs.municipality.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM samraad_meta.audit_log WHERE actor_sub = 'persona:caseworker-frb' AND decision = 'DENIED'`,
    );
    expect(denied[0]?.n).toBeGreaterThan(0);
  });

  it("an already answered recommendation's refusal says neither the answer nor when", async () => {
    const course = kbhCourseWithRecommendations(1);
    const recommendationId = course.finalNote?.recommendations[0]?.id as string;
    const grants = await stack.query<{ boernehusCase: { finalNote: { recommendations: Array<{ id: string; writeGrant: string }> } } }>(
      "leader-kbh",
      `query($id: ID!) { boernehusCase(id: $id) { finalNote { recommendations { id writeGrant } } } }`,
      { id: course.caseId },
    );
    const recommendationGrant = grants.data?.boernehusCase.finalNote.recommendations.find((r) => r.id === recommendationId)?.writeGrant;
    const input = {
      recommendationId,
      recommendationGrant,
      caseId: course.caseId,
      response: "OTHER_SUPPORT",
      otherSupport: "Samtaleforløb i kommunen",
      otherSupportKind: "ALONGSIDE_COURSE",
    };
    // Answered by now either way: in the synthetic world, or by this first call.
    const first = await stack.query("leader-kbh", M.respondToRecommendation, { input });
    expect([undefined, "CONFLICT"]).toContain(errorOf(first)?.extensions?.code);
    const again = await stack.query("leader-kbh", M.respondToRecommendation, { input });
    expect(errorOf(again)?.extensions?.code).toBe("CONFLICT");
    expect(errorOf(again)?.message).not.toMatch(/OTHER_SUPPORT|MEASURE|DECLINED|\d{4}-\d{2}-\d{2}/);
  });
});

describe("a write into a case another subgraph owns carries the børnehus's write grant (issue 19.1, 19.2)", () => {
  const FILE = `mutation($input: FilePoliceReportInput!) { filePoliceReport(input: $input) { id caseId } }`;
  const SCHEDULE = `mutation($input: ScheduleMedicalExaminationInput!) { scheduleMedicalExamination(input: $input) { id caseId } }`;
  const RESPOND = `mutation($input: RespondToRecommendationInput!) { respondToRecommendation(input: $input) { id respondedByName } }`;
  const GRANT = `query($id: ID!) { boernehusCase(id: $id) { writeGrant finalNote { recommendations { id writeGrant } } } }`;
  type Grants = {
    boernehusCase: { writeGrant: string | null; finalNote: { recommendations: Array<{ id: string; writeGrant: string }> } | null };
  };
  const report = (caseId: string, caseGrant?: string | null) => ({
    input: { caseId, caseGrant, journalNumber: "0100-70000-00042-26", district: "KBH", reportedAt: stack.clock.now().toISOString() },
  });
  const exam = (caseId: string, caseGrant?: string | null) => ({
    input: {
      caseId,
      caseGrant,
      kind: "FORENSIC",
      scheduledAt: stack.clock.now().toISOString(),
      unit: "Rigshospitalet",
      hospitalRegion: "HOVEDSTADEN",
    },
  });

  it("a police report or an examination into a case the writer cannot see, or that does not exist, is NOT_FOUND and not written", async () => {
    const hidden = stack.world.courses.find((c) => c.region !== "HOVEDSTADEN" && c.municipalityCode !== "0101" && c.police === null);
    const caseId = hidden?.caseId as string;
    const p = stack.subgraphs.police.client;
    const h = stack.subgraphs.health.client;
    for (const id of [caseId, ABSENT]) {
      const filed = await stack.query("investigator-kbh", FILE, report(id));
      expect(errorOf(filed)?.extensions?.code).toBe("NOT_FOUND");
      const scheduled = await stack.query("physician-rh", SCHEDULE, exam(id));
      expect(errorOf(scheduled)?.extensions?.code).toBe("NOT_FOUND");
      // Someone else's grant does not help either.
      const own = stack.courseOf("persona:investigator-kbh");
      const grant = await stack.query<Grants>("investigator-kbh", GRANT, { id: own.caseId });
      const moved = await stack.query("investigator-kbh", FILE, report(id, grant.data?.boernehusCase.writeGrant));
      expect(errorOf(moved)?.extensions?.code).toBe("NOT_FOUND");
      expect(await p.policeReport.count({ where: { caseId: id } })).toBe(0);
      expect(await h.medicalExamination.count({ where: { caseId: id, unit: "Rigshospitalet" } })).toBe(0);
    }
  });

  it("a participant writes with the case's write grant; emergency access gets none", async () => {
    const own = stack.courseOf("persona:investigator-kbh");
    const grant = await stack.query<Grants>("investigator-kbh", GRANT, { id: own.caseId });
    expect(grant.data?.boernehusCase.writeGrant).toEqual(expect.any(String));
    // (A report is one per case in the synthetic world, not in the schema: a second one is fine here.)
    const filed = await stack.query<{ filePoliceReport: { caseId: string } }>(
      "investigator-kbh",
      FILE,
      report(own.caseId, grant.data?.boernehusCase.writeGrant),
    );
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.filePoliceReport.caseId).toBe(own.caseId);

    const course = stack.world.courses.filter(
      (c) => c.region === "HOVEDSTADEN" && !c.participants.some((p) => p.sub === "persona:physician-rh"),
    )[2];
    const caseId = course?.caseId as string;
    const opened = await stack.query(
      "physician-rh",
      `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id } }`,
      {
        input: { caseId, reason: "Akut indlæggelse, barnet er på skadestuen nu" },
      },
    );
    expect(opened.errors).toBeUndefined();
    const emergency = await stack.query<Grants>("physician-rh", GRANT, { id: caseId });
    expect(emergency.data?.boernehusCase.writeGrant).toBeNull();
    const scheduled = await stack.query("physician-rh", SCHEDULE, exam(caseId, emergency.data?.boernehusCase.writeGrant));
    expect(errorOf(scheduled)?.extensions?.code).toBe("NOT_FOUND");
  });

  it("Frederiksberg cannot answer a Copenhagen recommendation through one of its own cases; Copenhagen still can", async () => {
    const target = kbhCourseWithRecommendations(0);
    const recommendationId = target.finalNote?.recommendations[0]?.id as string;
    const m = stack.subgraphs.municipality.client;
    const answeredBefore = await m.recommendationResponse.findUnique({ where: { recommendationId } });
    // One of her own cases (still open to her), with recommendations of its own when the synthetic world has one.
    const withRecommendations = (c: (typeof stack.world.courses)[number]) => (c.finalNote?.recommendations.length ?? 0) > 0;
    const own = (() => {
      try {
        return stack.courseOf("persona:caseworker-frb", withRecommendations);
      } catch {
        return stack.courseOf("persona:caseworker-frb");
      }
    })();
    const ownGrants = await stack.query<Grants>("caseworker-frb", GRANT, { id: own?.caseId });
    expect(ownGrants.data?.boernehusCase?.writeGrant, JSON.stringify(ownGrants)).toEqual(expect.any(String));
    const ownRecommendation = ownGrants.data?.boernehusCase?.finalNote?.recommendations[0];
    for (const recommendationGrant of [ownRecommendation?.writeGrant, ownGrants.data?.boernehusCase?.writeGrant, null]) {
      const res = await stack.query("caseworker-frb", RESPOND, {
        input: {
          recommendationId,
          recommendationGrant,
          caseId: own?.caseId,
          response: "OTHER_SUPPORT",
          otherSupport: "Samtaleforløb",
          otherSupportKind: "ALONGSIDE_COURSE",
        },
      });
      expect(errorOf(res)?.extensions?.code).toBe("NOT_FOUND");
    }
    expect(await m.recommendationResponse.findUnique({ where: { recommendationId } })).toEqual(answeredBefore);
    if (!answeredBefore) {
      const grants = await stack.query<Grants>("leader-kbh", GRANT, { id: target.caseId });
      const recommendationGrant = grants.data?.boernehusCase.finalNote?.recommendations.find((r) => r.id === recommendationId)?.writeGrant;
      const res = await stack.query<{ respondToRecommendation: { respondedByName: string } }>("leader-kbh", RESPOND, {
        input: {
          recommendationId,
          recommendationGrant,
          caseId: target.caseId,
          response: "OTHER_SUPPORT",
          otherSupport: "Samtaleforløb",
          otherSupportKind: "ALONGSIDE_COURSE",
        },
      });
      expect(res.data?.respondToRecommendation.respondedByName).toBe("Hanne Bech");
    }
  });
});

describe("every id is validated (issue 19.6)", () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    [
      "filePoliceReport",
      `mutation($input: FilePoliceReportInput!) { filePoliceReport(input: $input) { id } }`,
      {
        input: {
          caseId: "not-a-uuid",
          caseGrant: "none",
          journalNumber: "0100-70000-00001-26",
          district: "KBH",
          reportedAt: "2026-01-05T09:00:00Z",
        },
      },
      "caseId",
    ],
    [
      "recordInvestigationDecision",
      `mutation($input: RecordInvestigationDecisionInput!) { recordInvestigationDecision(input: $input) { id } }`,
      { input: { policeReportId: "x'; DROP TABLE", status: "CHARGED", decidedAt: "2026-01-05T09:00:00Z" } },
      "policeReportId",
    ],
    [
      "bookVideoInterview",
      `mutation($input: BookVideoInterviewInput!) { bookVideoInterview(input: $input) { id } }`,
      { input: { policeReportId: "123", scheduledAt: "2026-01-05T09:00:00Z", custodyConsent: "GIVEN" } },
      "policeReportId",
    ],
    [
      "recordSuspect",
      `mutation($input: RecordSuspectInput!) { recordSuspect(input: $input) { id } }`,
      { input: { policeReportId: "nope", name: "Syntetisk Person", relation: "KNOWN_ADULT" } },
      "policeReportId",
    ],
    [
      "recordVideoInterviewHeld",
      `mutation($input: RecordVideoInterviewHeldInput!) { recordVideoInterviewHeld(input: $input) { id } }`,
      { input: { interviewId: "nope", heldAt: "2026-01-05T09:00:00Z", observers: [], version: 1 } },
      "interviewId",
    ],
    [
      "cancelVideoInterview",
      `mutation($input: CancelVideoInterviewInput!) { cancelVideoInterview(input: $input) { id } }`,
      { input: { interviewId: "nope", reason: "Syntetisk aflysning", version: 1 } },
      "interviewId",
    ],
    ["markPoliceAlertRead", `mutation($id: ID!) { markPoliceAlertRead(id: $id) { id } }`, { id: "nope" }, "id"],
    // The børnehus's too: every ID argument of every mutation, before any resolver runs (idArguments.ts).
    ["markBoernehusAlertRead", `mutation($id: ID!) { markBoernehusAlertRead(id: $id) { id } }`, { id: "nope" }, "id"],
  ];
  it.each(cases)(
    "%s: a malformed id is BAD_USER_INPUT naming the field, never an internal error",
    async (_name, query, variables, field) => {
      const res = await stack.query("investigator-kbh", query, variables);
      expect(errorOf(res)?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(errorOf(res)?.message).toContain(field);
    },
  );
});

describe("who may break the glass (issue 19.5)", () => {
  const OPEN = `mutation($input: OpenCaseInEmergencyInput!, $key: String) {
    openCaseInEmergency(input: $input, idempotencyKey: $key) { id myAccess { basis } participants { name } }
  }`;
  const REASON = "Akut henvendelse i weekendvagten, barnet er indlagt nu";
  const CASE = `query($id: ID!) { boernehusCase(id: $id) { id child { cpr } } }`;

  it("nobody outside the organisations serving the case, no machine client, no analyst: NOT_FOUND as for a case that does not exist", async () => {
    // A case of another municipality than Frederiksberg (the issue used 0265).
    const other = stack.world.courses.find(
      (c) => c.municipalityCode !== "0147" && c.course.closedAt === null,
    ) as (typeof stack.world.courses)[number];
    const frb = await stack.query("caseworker-frb", OPEN, { input: { caseId: other.caseId, reason: REASON } });
    const absent = await stack.query("caseworker-frb", OPEN, { input: { caseId: ABSENT, reason: REASON } });
    expect(errorOf(frb)?.extensions?.code).toBe("NOT_FOUND");
    expect(errorOf(frb)?.message).toBe(errorOf(absent)?.message);
    expect(JSON.stringify(frb)).not.toMatch(/cpr|participants"\s*:\s*\[/);
    const hovedstaden = stack.world.courses.find((c) => c.region === "HOVEDSTADEN") as (typeof stack.world.courses)[number];
    const machine = await stack.query("system-rh", OPEN, { input: { caseId: hovedstaden.caseId, reason: REASON } });
    expect(errorOf(machine)?.extensions?.code).toBe("NOT_FOUND");
    const analyst = await stack.query("analyst-national", OPEN, { input: { caseId: hovedstaden.caseId, reason: REASON } });
    expect(analyst.data?.openCaseInEmergency ?? null).toBeNull();
    expect(["NOT_FOUND", "UNAUTHORIZED"]).toContain(errorOf(analyst)?.extensions?.code);
    const opened = await stack.subgraphs.boernehus.client.emergencyAccess.count({
      where: { sub: { in: ["persona:caseworker-frb", "persona:system-rh", "persona:analyst-national"] } },
    });
    expect(opened).toBe(0);
    const stillHidden = await stack.query("caseworker-frb", CASE, { id: other.caseId });
    expect(errorOf(stillHidden)?.extensions?.code).toBe("NOT_FOUND");
  });

  it("an UNJUSTIFIED review revokes at once and alerts the opener's leader and DPO; a replay of the key then gets nothing (19.3)", async () => {
    const course = stack.world.courses.find(
      (c) => c.region === "HOVEDSTADEN" && !c.participants.some((p) => p.sub === "persona:physician-rh"),
    ) as (typeof stack.world.courses)[number];
    const key = "break-glass-replay-0001";
    const opened = await stack.query<{ openCaseInEmergency: { myAccess: { basis: string } } }>("physician-rh", OPEN, {
      input: { caseId: course.caseId, reason: REASON },
      key,
    });
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.openCaseInEmergency.myAccess.basis).toBe("EMERGENCY");
    const b = stack.subgraphs.boernehus.client;
    const access = await b.emergencyAccess.findFirstOrThrow({ where: { caseId: course.caseId, sub: "persona:physician-rh" } });

    const review = await stack.query(
      "leader-boernehus-hovedstaden",
      `mutation($input: ReviewEmergencyAccessInput!) { reviewEmergencyAccess(input: $input) { id reviewOutcome expiresAt } }`,
      { input: { id: access.id, outcome: "UNJUSTIFIED", note: "Ingen akut grund" } },
    );
    expect(review.errors).toBeUndefined();
    const revoked = await b.emergencyAccess.findUniqueOrThrow({ where: { id: access.id } });
    expect(revoked.expiresAt.getTime()).toBeLessThanOrEqual(stack.clock.now().getTime());
    const after = await stack.query("physician-rh", CASE, { id: course.caseId });
    expect(errorOf(after)?.extensions?.code).toBe("NOT_FOUND");

    // The idempotent replay re-checks access now: nothing of the case, and no new opening.
    const replay = await stack.query("physician-rh", OPEN, { input: { caseId: course.caseId, reason: REASON }, key });
    expect(replay.data?.openCaseInEmergency ?? null).toBeNull();
    expect(errorOf(replay)?.extensions?.code).toBe("NOT_FOUND");
    expect(JSON.stringify(replay)).not.toContain("participants");
    expect(await b.emergencyAccess.count({ where: { caseId: course.caseId, sub: "persona:physician-rh" } })).toBe(1);

    // The physician's leader is told, though she cannot open the case; the physician herself is not.
    const ALERTS = `{ myBoernehusAlerts { kind caseId subjectId } }`;
    const leader = await stack.query<{ myBoernehusAlerts: Array<{ kind: string; subjectId: string }> }>("leader-health-rh", ALERTS);
    expect(leader.data?.myBoernehusAlerts).toContainEqual({
      kind: "EMERGENCY_ACCESS_UNJUSTIFIED",
      caseId: course.caseId,
      subjectId: access.id,
    });
    const physician = await stack.query<{ myBoernehusAlerts: Array<{ kind: string }> }>("physician-rh", ALERTS);
    expect(physician.data?.myBoernehusAlerts.some((a) => a.kind === "EMERGENCY_ACCESS_UNJUSTIFIED")).toBe(false);
  });

  it("the opener's DPO reads that alert and acknowledges it, and reads no other alert and nothing of the case", async () => {
    // A Copenhagen case: its caseworker breaks the glass, her municipality's leader finds it unjustified,
    // and the alert goes to that municipality's leaders and DPO (dpo-kbh).
    const course = stack.world.courses.find(
      (c) => c.municipalityCode === "0101" && c.course.closedAt === null && c.region === "HOVEDSTADEN",
    ) as (typeof stack.world.courses)[number];
    const accessId = await unjustifiedEmergencyAccess(stack, {
      caseId: course.caseId,
      opener: "caseworker-kbh",
      reviewer: "leader-kbh",
      reason: REASON,
    });

    type Alerts = {
      myBoernehusAlerts: Array<{ id: string; kind: string; caseId: string; subjectId: string; acknowledgedAt: string | null }>;
    };
    const ALERTS = `{ myBoernehusAlerts(unacknowledgedOnly: false, first: 200) { id kind caseId subjectId acknowledgedAt } }`;
    const dpo = await stack.query<Alerts>("dpo-kbh", ALERTS);
    expect(dpo.errors).toBeUndefined();
    const alert = dpo.data?.myBoernehusAlerts.find((a) => a.subjectId === accessId);
    expect(alert).toMatchObject({ kind: "EMERGENCY_ACCESS_UNJUSTIFIED", caseId: course.caseId, acknowledgedAt: null });
    // Only alerts addressed to DPOs: her leader's other alerts (a final note overdue, a follow-up due) are not hers.
    expect(new Set(dpo.data?.myBoernehusAlerts.map((a) => a.kind))).toEqual(new Set(["EMERGENCY_ACCESS_UNJUSTIFIED"]));
    const municipal = await stack.query<{ myMunicipalityAlerts: Array<{ kind: string }> }>(
      "dpo-kbh",
      `{ myMunicipalityAlerts(unacknowledgedOnly: false, first: 200) { kind } }`,
    );
    expect(municipal.errors).toBeUndefined();
    expect(municipal.data?.myMunicipalityAlerts.filter((a) => a.kind !== "EMERGENCY_ACCESS_UNJUSTIFIED")).toEqual([]);

    const acknowledged = await stack.query<{ acknowledgeBoernehusAlert: { acknowledgedAt: string | null } }>(
      "dpo-kbh",
      `mutation($id: ID!) { acknowledgeBoernehusAlert(id: $id) { acknowledgedAt } }`,
      { id: alert?.id },
    );
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data?.acknowledgeBoernehusAlert.acknowledgedAt).not.toBeNull();

    // Reading the alert opens nothing: the case, its child and its participants stay refused.
    const caseRead = await stack.query("dpo-kbh", CASE, { id: course.caseId });
    expect(caseRead.data?.boernehusCase ?? null).toBeNull();
    expect(errorOf(caseRead)?.extensions?.code).toBe("UNAUTHORIZED"); // the field rules: no samråd scope
    // Nobody else without the samråd scope reads alerts: the national analyst is refused.
    const analyst = await stack.query("analyst-national", ALERTS);
    expect(analyst.data?.myBoernehusAlerts ?? null).toBeNull();
    expect(errorOf(analyst)?.extensions?.code).toBe("UNAUTHORIZED");
  });

  it("a leader who does not own the case cannot review its emergency access: NOT_FOUND, not FORBIDDEN", async () => {
    const course = stack.world.courses.filter(
      (c) => c.region === "HOVEDSTADEN" && !c.participants.some((p) => p.sub === "persona:physician-rh"),
    )[1] as (typeof stack.world.courses)[number];
    await stack.query("physician-rh", OPEN, { input: { caseId: course.caseId, reason: REASON } });
    const access = await stack.subgraphs.boernehus.client.emergencyAccess.findFirstOrThrow({
      where: { caseId: course.caseId, sub: "persona:physician-rh", reviewedAt: null },
    });
    const res = await stack.query(
      "leader-health-rh",
      `mutation($input: ReviewEmergencyAccessInput!) { reviewEmergencyAccess(input: $input) { id } }`,
      { input: { id: access.id, outcome: "JUSTIFIED" } },
    );
    expect(errorOf(res)?.extensions?.code).toBe("NOT_FOUND");
  });
});

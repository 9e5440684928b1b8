import { readFileSync } from "node:fs";
import { SUPERGRAPH_PATH } from "@samraad/gateway";
import { PERSONAS, type SyntheticCourse } from "@samraad/synthetic";
import { buildASTSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The write-access matrix (issue 19.2), through the gateway: every mutation of the supergraph,
 * times every demo persona, with an otherwise valid input aimed at a case that no persona may
 * see, or at a record of such a case. Each must be refused (NOT_FOUND, or UNAUTHORIZED by the
 * field rules before the subgraph is asked), nothing may change in any subgraph's database,
 * and the refusals are in the audit log. A mutation without a row here fails the test, as an
 * unclassified field fails the build.
 */
const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, "utf8")), { assumeValidSDL: true });
const MUTATIONS = Object.keys(schema.getMutationType()?.getFields() ?? {});

const ABSENT = "7d1f0c2e-5b1a-4c3e-8f00-00000000abcd";
const AT = "2026-01-05T09:00:00.000Z";

/** The records of foreign cases the rows aim at. */
interface Targets {
  course: SyntheticCourse;
  meetingId: string;
  actionItemId: string;
  finalNoteId: string;
  recommendationId: string;
  examinationId: string;
  reportId: string;
  interviewId: string;
  measureId: string;
}

type Row =
  | { kind: "CASE"; query: string; variables: (t: Targets) => Record<string, unknown> }
  /** Creates a record for the organisation its input names (refused for another one: FORBIDDEN names only the caller's input). */
  | { kind: "ORGANISATION_IN_INPUT"; query: string; variables: (t: Targets) => Record<string, unknown> }
  /**
   * Names no case: the case comes from another sector's signed statement for the caller, which no
   * persona can obtain for a foreign case; a forged one is STATEMENT_INVALID.
   */
  | { kind: "STATEMENT"; query: string; variables: (t: Targets) => Record<string, unknown> }
  /** Not about a case: configures the caller's own organisation. Why it needs no case row rule. */
  | { kind: "OWN_ORGANISATION"; reason: string };

const m = (name: string, type: string) => `mutation($input: ${type}!) { ${name}(input: $input) { __typename } }`;
const byId = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { __typename } }`;
const OWN_WEBHOOK = "registers a webhook endpoint for the caller's own organisation; no case or record is named";

const ROWS: Record<string, Row> = {
  registerCourse: {
    kind: "ORGANISATION_IN_INPUT",
    query: m("registerCourse", "RegisterCourseInput"),
    variables: (t) => ({
      input: {
        caseId: ABSENT,
        region: t.course.region,
        municipalityCode: t.course.municipalityCode,
        type: "FULL_COURSE",
        abuseTypes: ["PHYSICAL"],
        burdenLevel: "LOW",
        childAgeAtReferral: 8,
        referralReceivedAt: AT,
      },
    }),
  },
  addCaseParticipant: {
    kind: "CASE",
    query: m("addCaseParticipant", "AddCaseParticipantInput"),
    variables: (t) => ({
      input: {
        caseId: t.course.caseId,
        sub: "persona:x",
        name: "Syntetisk X",
        sector: "POLICE",
        organisation: "KBH",
        role: "investigator",
      },
    }),
  },
  removeCaseParticipant: {
    kind: "CASE",
    query: m("removeCaseParticipant", "RemoveCaseParticipantInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, participantId: ABSENT } }),
  },
  planSamraadMeeting: {
    kind: "CASE",
    query: m("planSamraadMeeting", "PlanSamraadMeetingInput"),
    variables: (t) => ({
      input: {
        caseId: t.course.caseId,
        kind: "FOLLOW_UP",
        scheduledAt: AT,
        agenda: "Syntetisk dagsorden",
        participants: [{ name: "Syntetisk Deltager", sector: "BOERNEHUS", organisation: t.course.region, role: "coordinator" }],
      },
    }),
  },
  recordSamraadMeetingHeld: {
    kind: "CASE",
    query: m("recordSamraadMeetingHeld", "RecordSamraadMeetingHeldInput"),
    variables: (t) => ({ input: { meetingId: t.meetingId, heldAt: AT, minutes: "Syntetisk referat", decisions: [], version: 1 } }),
  },
  cancelSamraadMeeting: {
    kind: "CASE",
    query: m("cancelSamraadMeeting", "CancelSamraadMeetingInput"),
    variables: (t) => ({ input: { meetingId: t.meetingId, reason: "Syntetisk aflysning", version: 1 } }),
  },
  moveSamraadMeeting: {
    kind: "CASE",
    query: m("moveSamraadMeeting", "MoveSamraadMeetingInput"),
    variables: (t) => ({ input: { meetingId: t.meetingId, scheduledAt: AT, version: 1 } }),
  },
  addActionItem: {
    kind: "CASE",
    query: m("addActionItem", "AddActionItemInput"),
    variables: (t) => ({ input: { meetingId: t.meetingId, title: "Syntetisk opgave", owningSector: "POLICE", dueAt: AT } }),
  },
  updateActionItemStatus: {
    kind: "CASE",
    query: m("updateActionItemStatus", "UpdateActionItemStatusInput"),
    variables: (t) => ({ input: { id: t.actionItemId, status: "DONE", version: 1 } }),
  },
  recordCrisisSupportSession: {
    kind: "CASE",
    query: m("recordCrisisSupportSession", "RecordCrisisSupportSessionInput"),
    variables: (t) => ({
      input: { caseId: t.course.caseId, recipient: "CHILD", heldAt: AT, counsellorName: "Syntetisk Rådgiver", notes: "Syntetiske noter" },
    }),
  },
  startAssessment: {
    kind: "CASE",
    query: m("startAssessment", "StartAssessmentInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, startedAt: AT } }),
  },
  completeAssessment: {
    kind: "CASE",
    query: m("completeAssessment", "CompleteAssessmentInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, completedAt: AT, summary: "Syntetisk resumé" } }),
  },
  recordConsultation: {
    kind: "CASE",
    query: m("recordConsultation", "RecordConsultationInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, heldAt: AT, withSector: "POLICE", summary: "Syntetisk sparring" } }),
  },
  recordBoernehusMotivation: {
    kind: "CASE",
    query: m("recordBoernehusMotivation", "BoernehusMotivationInput"),
    variables: (t) => ({
      input: { caseId: t.course.caseId, setPoint: "PLANNING_SAMRAAD", childMotivation: "LOW", familyMotivation: "LOW", barriers: [] },
    }),
  },
  draftFinalNote: {
    kind: "CASE",
    query: m("draftFinalNote", "DraftFinalNoteInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, text: "Syntetisk afsluttende notat", recommendations: [] } }),
  },
  reviseFinalNoteDraft: {
    kind: "CASE",
    query: m("reviseFinalNoteDraft", "ReviseFinalNoteDraftInput"),
    variables: (t) => ({ input: { id: t.finalNoteId, text: "Syntetisk afsluttende notat", recommendations: [], version: 1 } }),
  },
  signFinalNote: {
    kind: "CASE",
    query: m("signFinalNote", "FinalNoteVersionInput"),
    variables: (t) => ({ input: { id: t.finalNoteId, version: 1 } }),
  },
  sendFinalNote: {
    kind: "CASE",
    query: m("sendFinalNote", "FinalNoteVersionInput"),
    variables: (t) => ({ input: { id: t.finalNoteId, version: 1 } }),
  },
  closeCourse: {
    kind: "CASE",
    query: m("closeCourse", "CloseCourseInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, closedAt: AT } }),
  },
  openCaseInEmergency: {
    kind: "CASE",
    query: m("openCaseInEmergency", "OpenCaseInEmergencyInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, reason: "Syntetisk akut begrundelse for adgang" } }),
  },
  reviewEmergencyAccess: {
    kind: "CASE",
    query: m("reviewEmergencyAccess", "ReviewEmergencyAccessInput"),
    variables: () => ({ input: { id: ABSENT, outcome: "UNJUSTIFIED" } }),
  },
  markBoernehusAlertRead: { kind: "CASE", query: byId("markBoernehusAlertRead"), variables: () => ({ id: ABSENT }) },
  acknowledgeBoernehusAlert: { kind: "CASE", query: byId("acknowledgeBoernehusAlert"), variables: () => ({ id: ABSENT }) },
  registerBoernehusWebhookEndpoint: { kind: "OWN_ORGANISATION", reason: OWN_WEBHOOK },
  scheduleMedicalExamination: {
    kind: "CASE",
    query: m("scheduleMedicalExamination", "ScheduleMedicalExaminationInput"),
    variables: (t) => ({
      input: { caseId: t.course.caseId, kind: "FORENSIC", scheduledAt: AT, unit: "Syntetisk afdeling", hospitalRegion: "HOVEDSTADEN" },
    }),
  },
  recordMedicalExaminationPerformed: {
    kind: "CASE",
    query: m("recordMedicalExaminationPerformed", "RecordMedicalExaminationPerformedInput"),
    variables: (t) => ({ input: { examinationId: t.examinationId, performedAt: AT, findingsSummary: "Syntetisk fund", version: 1 } }),
  },
  cancelMedicalExamination: {
    kind: "CASE",
    query: m("cancelMedicalExamination", "CancelMedicalExaminationInput"),
    variables: (t) => ({ input: { examinationId: t.examinationId, reason: "Syntetisk aflysning", version: 1 } }),
  },
  referOnward: {
    kind: "CASE",
    query: m("referOnward", "ReferOnwardInput"),
    variables: (t) => ({ input: { examinationId: t.examinationId, target: "PEDIATRICS", referredAt: AT, reason: "Syntetisk henvisning" } }),
  },
  registerCourseFromReferral: {
    kind: "STATEMENT",
    query: m("registerCourseFromReferral", "RegisterCourseFromReferralInput"),
    variables: () => ({ input: { referralStatement: "eyJhbGciOiJFZERTQSJ9.e30.forged", type: "FULL_COURSE", burdenLevel: "LOW" } }),
  },
  acknowledgeReferral: {
    kind: "CASE",
    query: `mutation($id: ID!) { acknowledgeReferral(referralId: $id) { __typename } }`,
    variables: (t) => ({ id: t.course.referral.id }),
  },
  recordCourseRegistered: {
    kind: "CASE",
    query: m("recordCourseRegistered", "RecordCourseRegisteredInput"),
    variables: (t) => ({ input: { referralId: t.course.referral.id, receipt: "eyJhbGciOiJFZERTQSJ9.e30.forged" } }),
  },
  registerChild: {
    kind: "ORGANISATION_IN_INPUT",
    query: m("registerChild", "RegisterChildInput"),
    variables: (t) => ({
      input: {
        cpr: t.course.child.cpr,
        firstName: t.course.child.firstName,
        lastName: t.course.child.lastName,
        birthDate: t.course.child.birthDate,
        gender: t.course.child.gender,
        municipalityCode: t.course.municipalityCode,
      },
    }),
  },
  addCustodyHolder: {
    kind: "CASE",
    query: m("addCustodyHolder", "AddCustodyHolderInput"),
    variables: (t) => ({ input: { childId: t.course.child.id, name: "Syntetisk Forælder", relation: "OTHER" } }),
  },
  recordVideoInterviewObjection: {
    kind: "CASE",
    query: m("recordVideoInterviewObjection", "RecordVideoInterviewObjectionInput"),
    variables: (t) => ({ input: { custodyHolderId: t.course.custodyHolders[0]?.id ?? ABSENT, objects: true } }),
  },
  recordNotification: {
    kind: "CASE",
    query: m("recordNotification", "RecordNotificationInput"),
    variables: (t) => ({ input: { childId: t.course.child.id, receivedAt: AT, source: "SCHOOL", concern: "Syntetisk bekymring" } }),
  },
  assessNotification: {
    kind: "CASE",
    query: m("assessNotification", "AssessNotificationInput"),
    variables: (t) => ({ input: { notificationId: t.course.notification.id, assessedAt: AT } }),
  },
  decideChildAssessment: {
    kind: "CASE",
    query: m("decideChildAssessment", "DecideChildAssessmentInput"),
    variables: (t) => ({ input: { childId: t.course.child.id, decidedAt: AT } }),
  },
  completeChildAssessment: {
    kind: "CASE",
    query: m("completeChildAssessment", "CompleteChildAssessmentInput"),
    variables: (t) => ({ input: { childAssessmentId: t.course.childAssessment.id, completedAt: AT } }),
  },
  referToBoernehus: {
    kind: "CASE",
    query: m("referToBoernehus", "ReferToBoernehusInput"),
    variables: (t) => ({
      input: {
        childId: t.course.child.id,
        boernehusRegion: t.course.region,
        suspicionOrKnowledge: true,
        childAssessmentDecided: true,
        otherSectorInvolved: true,
        abuseTypes: ["PHYSICAL"],
        policeReportFiled: true,
        referredAt: AT,
      },
    }),
  },
  assignCaseworker: {
    kind: "CASE",
    query: m("assignCaseworker", "AssignCaseworkerInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, caseworkerSub: "persona:x", caseworkerName: "Syntetisk X", from: AT } }),
  },
  decideMeasure: {
    kind: "CASE",
    query: m("decideMeasure", "DecideMeasureInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, kind: "FAMILY_TREATMENT", decidedAt: AT } }),
  },
  startMeasure: {
    kind: "CASE",
    query: m("startMeasure", "StartMeasureInput"),
    variables: (t) => ({ input: { measureId: t.measureId, startedAt: AT, version: 1 } }),
  },
  endMeasure: {
    kind: "CASE",
    query: m("endMeasure", "EndMeasureInput"),
    variables: (t) => ({ input: { measureId: t.measureId, endedAt: AT, version: 1 } }),
  },
  respondToRecommendation: {
    kind: "CASE",
    query: m("respondToRecommendation", "RespondToRecommendationInput"),
    variables: (t) => ({
      input: {
        recommendationId: t.recommendationId,
        caseId: t.course.caseId,
        response: "OTHER_SUPPORT",
        otherSupport: "Syntetisk støtte",
        otherSupportKind: "EARLY_PREVENTIVE",
      },
    }),
  },
  recordMunicipalityMotivation: {
    kind: "CASE",
    query: `mutation($input: MunicipalityMotivationInput!, $grant: String) { recordMunicipalityMotivation(input: $input, caseGrant: $grant) { __typename } }`,
    variables: (t) => ({
      input: { caseId: t.course.caseId, setPoint: "FOLLOW_UP", childMotivation: "LOW", familyMotivation: "LOW", barriers: ["LONG_COURSE"] },
      grant: "forged",
    }),
  },
  markMunicipalityAlertRead: { kind: "CASE", query: byId("markMunicipalityAlertRead"), variables: () => ({ id: ABSENT }) },
  acknowledgeMunicipalityAlert: { kind: "CASE", query: byId("acknowledgeMunicipalityAlert"), variables: () => ({ id: ABSENT }) },
  registerMunicipalityWebhookEndpoint: { kind: "OWN_ORGANISATION", reason: OWN_WEBHOOK },
  reportCaseworkerCaseload: {
    kind: "OWN_ORGANISATION",
    reason: "reports a caseworker's caseload for the caller's own municipality (its organisation, never an argument); no case is named",
  },
  filePoliceReport: {
    kind: "CASE",
    query: m("filePoliceReport", "FilePoliceReportInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, journalNumber: "0100-70000-00001-26", district: "KBH", reportedAt: AT } }),
  },
  recordInvestigationDecision: {
    kind: "CASE",
    query: m("recordInvestigationDecision", "RecordInvestigationDecisionInput"),
    variables: (t) => ({ input: { policeReportId: t.reportId, status: "CLOSED", decidedAt: AT } }),
  },
  bookVideoInterview: {
    kind: "CASE",
    query: m("bookVideoInterview", "BookVideoInterviewInput"),
    variables: (t) => ({ input: { policeReportId: t.reportId, scheduledAt: AT, custodyConsent: "GIVEN" } }),
  },
  recordVideoInterviewHeld: {
    kind: "CASE",
    query: m("recordVideoInterviewHeld", "RecordVideoInterviewHeldInput"),
    variables: (t) => ({ input: { interviewId: t.interviewId, heldAt: AT, observers: [], version: 1 } }),
  },
  cancelVideoInterview: {
    kind: "CASE",
    query: m("cancelVideoInterview", "CancelVideoInterviewInput"),
    variables: (t) => ({ input: { interviewId: t.interviewId, reason: "Syntetisk aflysning", version: 1 } }),
  },
  recordSuspect: {
    kind: "CASE",
    query: m("recordSuspect", "RecordSuspectInput"),
    variables: (t) => ({ input: { policeReportId: t.reportId, name: "Syntetisk Person", relation: "KNOWN_ADULT" } }),
  },
  markPoliceAlertRead: { kind: "CASE", query: byId("markPoliceAlertRead"), variables: () => ({ id: ABSENT }) },
  acknowledgePoliceAlert: { kind: "CASE", query: byId("acknowledgePoliceAlert"), variables: () => ({ id: ABSENT }) },
  registerPoliceWebhookEndpoint: { kind: "OWN_ORGANISATION", reason: OWN_WEBHOOK },
  issueSurveyLink: {
    kind: "CASE",
    query: m("issueSurveyLink", "IssueSurveyLinkInput"),
    variables: (t) => ({ input: { caseId: t.course.caseId, respondent: "CAREGIVER_FIRST_VISIT" } }),
  },
  // The respondent's alone (survey:respond): every persona is refused by the field rules.
  answerSurvey: {
    kind: "CASE",
    query: m("answerSurvey", "AnswerSurveyInput"),
    variables: () => ({ input: { token: "A".repeat(43), answers: [{ questionKey: "felt-welcome", score: 4 }] } }),
  },
  setSurveyQuestions: {
    kind: "OWN_ORGANISATION",
    reason: "changes the survey questions of the caller's own børnehus (its leader only); no case or record is named",
  },
};

describe("the write-access matrix covers every mutation", () => {
  it("every Mutation of the supergraph has a row (a new mutation without one fails here)", () => {
    expect(MUTATIONS.length).toBeGreaterThan(40);
    expect(MUTATIONS.filter((name) => !(name in ROWS))).toEqual([]);
    expect(Object.keys(ROWS).filter((name) => !MUTATIONS.includes(name))).toEqual([]);
  });
});

let stack: Stack;
let targets: Targets;
const PERSONA_ORGS = new Set(PERSONAS.map((p) => p.organisation));
beforeAll(async () => {
  stack = await startStack({ courses: 120 });
  // Cases no demo persona may see: another region, another municipality, nobody of theirs in the samråd.
  const foreign = stack.world.courses.filter(
    (c) =>
      !PERSONA_ORGS.has(c.region) &&
      !PERSONA_ORGS.has(c.municipalityCode) &&
      !c.participants.some((p) => p.sub.startsWith("persona:") || PERSONA_ORGS.has(p.organisation)) &&
      (c.police === null || !PERSONA_ORGS.has(c.police.district)),
  );
  const find = <T>(pick: (c: SyntheticCourse) => T | undefined): T => {
    for (const c of foreign) {
      const value = pick(c);
      if (value !== undefined) return value;
    }
    throw new Error("no foreign course with that record");
  };
  targets = {
    course: find((c) => (c.custodyHolders.length > 0 ? c : undefined)),
    meetingId: find((c) => c.meetings[0]?.id),
    actionItemId: find((c) => c.meetings.flatMap((mt) => mt.actionItems)[0]?.id),
    finalNoteId: find((c) => c.finalNote?.id),
    recommendationId: find((c) => c.finalNote?.recommendations[0]?.id),
    examinationId: find((c) => c.medicalExaminations.filter((e) => !PERSONA_ORGS.has(e.hospitalRegion ?? ""))[0]?.id),
    reportId: find((c) => c.police?.reportId),
    interviewId: find((c) => c.police?.videoInterview?.id),
    measureId: find((c) => c.measures[0]?.id),
  };
  // A whole stack, seeded: on a shared machine it may take longer than the default hook timeout.
}, 600_000);
afterAll(async () => stack?.stop());

/**
 * Row counts of every table of every subgraph (the audit log, idempotency keys and the replay
 * guard's record of used internal-token ids aside: every request, refused or not, leaves one).
 */
async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, sub] of Object.entries(stack.subgraphs)) {
    if (!sub || name === "statistics") continue;
    const tables = await sub.client.$queryRawUnsafe<Array<{ t: string }>>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'samraad_meta')
          AND table_name NOT IN ('audit_log', 'idempotency_key', 'internal_token_use', '_prisma_migrations', 'samraad_migrations')`,
    );
    for (const { t } of tables) {
      // A count and a hash of every row: an UPDATE changes the hash.
      const [row] = await sub.client.$queryRawUnsafe<Array<{ n: number; h: string | null }>>(
        `SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM ${t} x`,
      );
      out[`${name}:${t}`] = row?.n ?? 0;
      out[`${name}:${t}#`] = row?.h ? Number.parseInt(row.h.slice(0, 8), 16) : 0;
    }
  }
  return out;
}

describe("every mutation × every persona, aimed at a case nobody of them may see", () => {
  it("is refused (NOT_FOUND, or UNAUTHORIZED by the field rules), changes nothing, and is audited", { timeout: 600_000 }, async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const [name, row] of Object.entries(ROWS)) {
      if (row.kind === "OWN_ORGANISATION") continue;
      const allowed =
        row.kind === "ORGANISATION_IN_INPUT"
          ? ["NOT_FOUND", "UNAUTHORIZED", "FORBIDDEN"]
          : row.kind === "STATEMENT"
            ? ["STATEMENT_INVALID", "UNAUTHORIZED"]
            : ["NOT_FOUND", "UNAUTHORIZED"];
      for (const persona of PERSONAS) {
        const res = await stack.query(persona.id, row.query, row.variables(targets));
        const code = res.errors?.[0]?.extensions?.code;
        const data = (res.data as Record<string, unknown> | null | undefined)?.[name] ?? null;
        if (data !== null || typeof code !== "string" || !allowed.includes(code)) {
          failures.push(`${name} as ${persona.id}: ${code ?? "no error"} ${res.errors?.[0]?.message ?? ""}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The refusals the subgraphs saw are in their audit logs (the gateway's UNAUTHORIZED ones never reach them).
    const denied = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM samraad_meta.audit_log WHERE decision = 'DENIED' AND $1 = ANY(case_ids)`,
      targets.course.caseId,
    );
    expect(denied[0]?.n).toBeGreaterThan(0);
  });
});

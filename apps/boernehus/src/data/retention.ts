import {
  ANONYMISED,
  type ClosedCourse,
  motivationRecordRetention,
  anonymisedIfSetSql as nullableText,
  OF_CASE_SQL as ofCase,
  pseudonymSql as pseudonym,
  type RetentionStep,
  anonymisedTextSql as text,
} from "@samraad/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.ts";

const meetingsOfCase = `"meetingId" IN (SELECT "id" FROM "SamraadMeeting" WHERE ${ofCase})`;

/**
 * The courses that have closed, and when: the one fact every sector's retention period
 * counts from. The børnehus owns it (BoernehusCase.closedAt).
 */
export async function closedCourses(db: PrismaClient): Promise<ClosedCourse[]> {
  const rows = await db.boernehusCase.findMany({ where: { closedAt: { not: null } }, select: { id: true, closedAt: true } });
  return rows.map((r) => ({ caseId: r.id, closedAt: r.closedAt as Date }));
}

/**
 * What the børnehus deletes or anonymises when a course's retention period has run out.
 * Kept for the statistics: the course's region, municipality code, type, status, abuse
 * types, burden level, the child's age at referral, every date, meeting kinds and
 * statuses, decisions' activities and responsible sectors, action items' owning sector,
 * dates and status, recommendation kinds. People become pseudonyms (continuity and
 * participation still count), free text becomes "[anonymiseret]".
 */
export const boernehusRetention: RetentionStep[] = [
  {
    entity: "CaseParticipant",
    action: "ANONYMISED",
    fieldPaths: ["CaseParticipant.sub", "CaseParticipant.name"],
    sql: `UPDATE "CaseParticipant" SET "sub" = ${pseudonym('"sub"')}, ${text("name")} WHERE ${ofCase} AND "sub" NOT LIKE 'pseud:%'`,
  },
  {
    entity: "MeetingParticipant",
    action: "ANONYMISED",
    fieldPaths: ["MeetingParticipant.sub", "MeetingParticipant.name"],
    sql: `UPDATE "MeetingParticipant" SET "sub" = CASE WHEN "sub" IS NULL THEN NULL ELSE ${pseudonym('"sub"')} END, ${text("name")}
          WHERE ${meetingsOfCase} AND "name" <> '${ANONYMISED}'`,
  },
  {
    entity: "SamraadMeeting",
    action: "ANONYMISED",
    fieldPaths: ["SamraadMeeting.agenda", "SamraadMeeting.minutes", "SamraadMeeting.cancellationReason"],
    sql: `UPDATE "SamraadMeeting" SET ${text("agenda")}, ${nullableText("minutes")}, ${nullableText("cancellationReason")} WHERE ${ofCase}`,
  },
  {
    entity: "ActivityDecision",
    action: "ANONYMISED",
    fieldPaths: ["ActivityDecision.decision"],
    sql: `UPDATE "ActivityDecision" SET ${text("decision")} WHERE ${meetingsOfCase}`,
  },
  {
    entity: "ActionItem",
    action: "ANONYMISED",
    fieldPaths: ["ActionItem.title"],
    sql: `UPDATE "ActionItem" SET ${text("title")} WHERE ${ofCase}`,
  },
  {
    entity: "CrisisSupportSession",
    action: "ANONYMISED",
    fieldPaths: ["CrisisSupportSession.counsellorName", "CrisisSupportSession.notes"],
    sql: `UPDATE "CrisisSupportSession" SET ${text("counsellorName")}, ${text("notes")} WHERE ${ofCase}`,
  },
  {
    entity: "Assessment",
    action: "ANONYMISED",
    fieldPaths: ["Assessment.summary"],
    sql: `UPDATE "Assessment" SET ${nullableText("summary")} WHERE ${ofCase}`,
  },
  {
    entity: "FinalNote",
    action: "ANONYMISED",
    fieldPaths: ["FinalNote.text", "FinalNote.signedBySub", "FinalNote.signedByName"],
    sql: `UPDATE "FinalNote" SET ${text("text")}, "signedBySub" = CASE WHEN "signedBySub" IS NULL OR "signedBySub" LIKE 'pseud:%' THEN "signedBySub" ELSE ${pseudonym('"signedBySub"')} END,
            ${nullableText("signedByName")} WHERE ${ofCase}`,
  },
  {
    entity: "Recommendation",
    action: "ANONYMISED",
    fieldPaths: ["Recommendation.description"],
    sql: `UPDATE "Recommendation" SET ${text("description")} WHERE ${ofCase}`,
  },
  {
    entity: "Consultation",
    action: "ANONYMISED",
    fieldPaths: ["Consultation.summary"],
    sql: `UPDATE "Consultation" SET ${text("summary")} WHERE ${ofCase}`,
  },
  {
    // Who issued a survey link; the answers themselves name nobody and stay for the statistics.
    entity: "SurveyLink",
    action: "ANONYMISED",
    fieldPaths: ["SurveyLink.issuedBy"],
    sql: `UPDATE "SurveyLink" SET "issuedBy" = ${pseudonym('"issuedBy"')} WHERE ${ofCase} AND "issuedBy" NOT LIKE 'pseud:%'`,
  },
  {
    entity: "EmergencyAccess",
    action: "ANONYMISED",
    fieldPaths: [
      "EmergencyAccess.sub",
      "EmergencyAccess.name",
      "EmergencyAccess.reason",
      "EmergencyAccess.reviewedByName",
      "EmergencyAccess.reviewNote",
    ],
    sql: `UPDATE "EmergencyAccess" SET "sub" = ${pseudonym('"sub"')}, ${text("name")}, ${text("reason")}, ${nullableText("reviewedByName")}, ${nullableText("reviewNote")}
          WHERE ${ofCase} AND "sub" NOT LIKE 'pseud:%'`,
  },
  motivationRecordRetention("BoernehusMotivationRecord"),
];

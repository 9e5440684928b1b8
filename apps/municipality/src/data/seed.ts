import { seedInstant as at, seedInstantOrNull as atOrNull, type BulkInsertTarget, bulkInsert, rowsOf } from "@samraad/subgraph-kit";
import { motivationRowsAt, reportedCaseloads, type SyntheticCourse } from "@samraad/synthetic";
import type { Prisma } from "../generated/prisma/client.ts";

/** A synthetic CPR is stored as DDMMYY-SSSS, whichever of the two accepted forms the generator used. */
const cprForm = (cpr: string) => (/^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr);

/** Keeps the first of each id: a child referred twice appears in two courses. */
function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  const byId = new Map<string, T>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  return [...byId.values()];
}

/** Writes the municipality part of synthetic courses, in one transaction. */
export async function seedMunicipality(db: BulkInsertTarget, courses: SyntheticCourse[]): Promise<void> {
  const nameOfSub = (course: SyntheticCourse, sub: string) =>
    course.participants.find((p) => p.sub === sub)?.name ??
    course.caseworkerAssignments.find((a) => a.caseworkerSub === sub)?.caseworkerName ??
    sub;

  await bulkInsert(db, [
    rowsOf<Prisma.ChildCreateManyInput>(
      "Child",
      uniqueById(
        courses.map((c) => ({
          id: c.child.id,
          cpr: cprForm(c.child.cpr),
          firstName: c.child.firstName,
          lastName: c.child.lastName,
          birthDate: new Date(`${c.child.birthDate}T00:00:00Z`),
          gender: c.child.gender,
          municipalityCode: c.municipalityCode,
        })),
      ),
    ),
    rowsOf<Prisma.CustodyHolderCreateManyInput>(
      "CustodyHolder",
      uniqueById(
        courses.flatMap((c) =>
          c.custodyHolders.map((h) => ({
            id: h.id,
            childId: c.child.id,
            name: h.name,
            relation: h.relation,
            objectsToVideoInterview: h.objectsToVideoInterview,
          })),
        ),
      ),
    ),
    rowsOf<Prisma.NotificationCreateManyInput>(
      "Notification",
      uniqueById(
        courses.map((c) => ({
          id: c.notification.id,
          childId: c.child.id,
          receivedAt: at(c.notification.receivedAt),
          source: c.notification.source,
          concern: c.notification.concern,
          assessedAt: atOrNull(c.notification.assessedAt),
        })),
      ),
    ),
    rowsOf<Prisma.ChildAssessmentCreateManyInput>(
      "ChildAssessment",
      uniqueById(
        courses.map((c) => ({
          id: c.childAssessment.id,
          childId: c.child.id,
          decidedAt: at(c.childAssessment.decidedAt),
          completedAt: atOrNull(c.childAssessment.completedAt),
        })),
      ),
    ),
    rowsOf<Prisma.ReferralCreateManyInput>(
      "Referral",
      courses.map((c) => ({
        id: c.referral.id,
        caseId: c.caseId,
        childId: c.child.id,
        municipalityCode: c.municipalityCode,
        boernehusRegion: c.region,
        referredAt: at(c.referral.referredAt),
        suspicionOrKnowledge: c.referral.suspicionOrKnowledge,
        childAssessmentDecided: c.referral.childAssessmentDecided,
        otherSectorInvolved: c.referral.otherSectorInvolved,
        abuseTypes: c.referral.abuseTypes,
        policeReportFiled: c.referral.policeReportFiled,
        // Every seeded referral's course is registered: acknowledged and registered when it was received.
        acknowledgedAt: at(c.referral.referredAt),
        courseRegisteredAt: at(c.referral.referredAt),
        referredBySub: c.caseworkerAssignments[0]?.caseworkerSub ?? null,
      })),
    ),
    rowsOf<Prisma.CaseworkerAssignmentCreateManyInput>(
      "CaseworkerAssignment",
      courses.flatMap((c) =>
        c.caseworkerAssignments.map((a) => ({
          id: a.id,
          caseId: c.caseId,
          caseworkerSub: a.caseworkerSub,
          caseworkerName: a.caseworkerName,
          from: at(a.from),
          to: atOrNull(a.to),
        })),
      ),
    ),
    // The whole caseloads some municipalities' case systems report (the leader's caseload view).
    // A caseworker's courses may fall in several batches of one seeding: her row keeps the
    // greatest of what the batches report (exact when the world is seeded in one batch).
    rowsOf<Prisma.CaseworkerCaseloadCreateManyInput>(
      "CaseworkerCaseload",
      reportedCaseloads(courses).map((r) => ({ ...r, reportedAt: at(r.reportedAt) })),
      { key: ["municipalityCode", "caseworkerSub"], greatest: ["totalCaseload", "reportedAt"] },
    ),
    rowsOf<Prisma.MeasureCreateManyInput>(
      "Measure",
      courses.flatMap((c) =>
        c.measures.map((m) => ({
          id: m.id,
          caseId: c.caseId,
          kind: m.kind,
          decidedAt: at(m.decidedAt),
          startedAt: atOrNull(m.startedAt),
        })),
      ),
    ),
    rowsOf<Prisma.RecommendationResponseCreateManyInput>(
      "RecommendationResponse",
      courses.flatMap((c) =>
        c.recommendationResponses.map((r) => ({
          id: r.id,
          recommendationId: r.recommendationId,
          caseId: c.caseId,
          response: r.response,
          measureId: r.measureId,
          otherSupport: r.otherSupport,
          otherSupportKind: r.otherSupportKind,
          declineReason: r.declineReason,
          respondedAt: at(r.respondedAt),
          respondedBySub: r.respondedBySub,
          respondedByName: nameOfSub(c, r.respondedBySub),
        })),
      ),
    ),
    rowsOf<Prisma.MotivationRecordCreateManyInput>(
      "MotivationRecord",
      motivationRowsAt(courses, ["RECOMMENDATION_RESPONSE", "FOLLOW_UP"] as const),
    ),
  ]);
}

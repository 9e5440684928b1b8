import { type BulkInsertTarget, bulkInsert, rowsOf } from "@samraad/subgraph-kit";
import type { OnwardReferralTarget, SyntheticCourse } from "@samraad/synthetic";
import type { Prisma } from "../generated/prisma/client.ts";

/** The synthetic world carries no referral reasons: each target gets a plausible, generic one. */
const SYNTHETIC_REASON: Record<OnwardReferralTarget, string> = {
  CHILD_PSYCHIATRY: "Henvist til børne- og ungdomspsykiatrisk udredning af trivsel efter undersøgelsen.",
  PEDIATRICS: "Henvist til opfølgning i børneafdelingen.",
  GENERAL_PRACTITIONER: "Opfølgning hos egen læge.",
  OTHER: "Henvist til anden opfølgning efter undersøgelsen.",
};

/** Writes the health part of synthetic courses, in one transaction per batch. */
export async function seedHealth(db: BulkInsertTarget, courses: SyntheticCourse[]): Promise<void> {
  const examinations = courses.flatMap((course) => course.medicalExaminations.map((exam) => ({ course, exam })));
  const caseOfExamination = new Map(examinations.map(({ course, exam }) => [exam.id, course.caseId]));
  await bulkInsert(db, [
    rowsOf<Prisma.MedicalExaminationCreateManyInput>(
      "MedicalExamination",
      examinations.map(({ course, exam }) => {
        // The synthetic model has no status: an examination with a date performed was performed.
        const performed = exam.performedAt !== null;
        return {
          id: exam.id,
          caseId: course.caseId,
          kind: exam.kind,
          status: performed ? "PERFORMED" : "SCHEDULED",
          scheduledAt: new Date(exam.scheduledAt),
          performedAt: performed ? new Date(exam.performedAt as string) : null,
          unit: exam.unit,
          hospitalRegion: exam.hospitalRegion,
          physicianName: exam.physicianName,
          // Findings exist only for a performed examination, whatever the generator says.
          findingsSummary: performed ? exam.findingsSummary : null,
          clinicalDetails: performed ? exam.clinicalDetails : null,
        } as const;
      }),
    ),
    rowsOf<Prisma.OnwardReferralCreateManyInput>(
      "OnwardReferral",
      courses.flatMap((course) =>
        course.onwardReferrals.map((referral) => ({
          id: referral.id,
          examinationId: referral.examinationId,
          caseId: caseOfExamination.get(referral.examinationId) ?? course.caseId,
          target: referral.target,
          referredAt: new Date(referral.referredAt),
          reason: SYNTHETIC_REASON[referral.target],
        })),
      ),
    ),
  ]);
}

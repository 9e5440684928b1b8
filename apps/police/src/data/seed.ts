import { type BulkInsertTarget, bulkInsert, rowsOf } from "@samraad/subgraph-kit";
import type { SyntheticCourse } from "@samraad/synthetic";
import type { Prisma } from "../generated/prisma/client.ts";

/** Writes the police part of synthetic courses, in one transaction per batch. */
export async function seedPolice(db: BulkInsertTarget, courses: SyntheticCourse[]): Promise<void> {
  const reports = courses.flatMap((c) => (c.police ? [{ course: c, police: c.police }] : []));
  await bulkInsert(db, [
    rowsOf<Prisma.PoliceReportCreateManyInput>(
      "PoliceReport",
      reports.map(({ course, police }) => ({
        id: police.reportId,
        caseId: course.caseId,
        journalNumber: police.journalNumber,
        district: police.district,
        reportedAt: new Date(police.reportedAt),
        investigationStatus: police.investigationStatus,
        decidedAt: police.decidedAt ? new Date(police.decidedAt) : null,
      })),
    ),
    rowsOf<Prisma.VideoInterviewCreateManyInput>(
      "VideoInterview",
      reports.flatMap(({ police }) =>
        police.videoInterview
          ? [
              {
                id: police.videoInterview.id,
                policeReportId: police.reportId,
                status: police.videoInterview.status,
                scheduledAt: new Date(police.videoInterview.scheduledAt),
                heldAt: police.videoInterview.heldAt ? new Date(police.videoInterview.heldAt) : null,
                observers: police.videoInterview.observers,
                interviewerName: police.videoInterview.interviewerName,
                cancellationReason: police.videoInterview.status === "CANCELLED" ? "Forældremyndighedsindehaver modsætter sig" : null,
              },
            ]
          : [],
      ),
    ),
    rowsOf<Prisma.SuspectCreateManyInput>(
      "Suspect",
      reports.map(({ police }) => ({
        id: police.suspect.id,
        policeReportId: police.reportId,
        name: police.suspect.name,
        relation: police.suspect.relation,
      })),
    ),
  ]);
}

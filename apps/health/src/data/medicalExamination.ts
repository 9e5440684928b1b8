import type { CaseGrant } from "@samraad/access";
import type { ExaminationKind, Region } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { MedicalExaminationRow } from "./rows.ts";

/**
 * The writes of a medical examination. Creating one takes the børnehus's verified write grant
 * for the case (requireWriteGrant): the row goes onto the case the grant names. A change names
 * the version it was decided on: a row changed since matches nothing (optimistic lock).
 */
export function createExamination(
  db: Tx,
  grant: CaseGrant,
  data: { unit: string; physicianName: string | null; kind: ExaminationKind; scheduledAt: Date; hospitalRegion: Region },
): Promise<MedicalExaminationRow> {
  return db.medicalExamination.create({ data: { caseId: grant.caseId, ...data } });
}

export function markExaminationPerformed(
  db: Tx,
  exam: MedicalExaminationRow,
  version: number,
  record: { findingsSummary: string; clinicalDetails: string | null; physicianName: string | null; performedAt: Date },
): Promise<MedicalExaminationRow> {
  return db.medicalExamination.update({
    where: { id: exam.id, version },
    data: { ...record, status: "PERFORMED", version: { increment: 1 } },
  });
}

export function markExaminationCancelled(
  db: Tx,
  exam: MedicalExaminationRow,
  version: number,
  cancellationReason: string,
): Promise<MedicalExaminationRow> {
  return db.medicalExamination.update({
    where: { id: exam.id, version },
    data: { status: "CANCELLED", cancellationReason, version: { increment: 1 } },
  });
}

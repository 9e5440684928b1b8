import type { Sector } from "../generated/prisma/client.ts";
import type { Tx } from "./find.ts";
import type { CaseRow, ConsultationRow } from "./rows.ts";

/** A consultation (sparring), on the case as locked with the principal's access (find.ts). */
export function createConsultation(
  tx: Tx,
  course: CaseRow,
  consultation: { heldAt: Date; withSector: Sector; summary: string },
  recordedBy: { sector: string; name: string },
): Promise<ConsultationRow> {
  return tx.consultation.create({
    data: { caseId: course.id, ...consultation, recordedBySector: recordedBy.sector as Sector, recordedByName: recordedBy.name },
  });
}

import type { Sector } from "../generated/prisma/client.ts";
import type { Tx } from "./lookup.ts";
import type { ConsultationRow } from "./rows.ts";

export function createConsultation(
  tx: Tx,
  caseId: string,
  consultation: { heldAt: Date; withSector: Sector; summary: string },
  recordedBy: { sector: string; name: string },
): Promise<ConsultationRow> {
  return tx.consultation.create({
    data: { caseId, ...consultation, recordedBySector: recordedBy.sector as Sector, recordedByName: recordedBy.name },
  });
}

import type { Principal } from "@samraad/access";
import { assertUuid, notFound } from "@samraad/subgraph-kit";
import { healthOfRegion } from "../domain/access.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { MedicalExaminationRow } from "./rows.ts";

export type Tx = Prisma.TransactionClient;

/**
 * The verified access every write of health's own records takes (issue 19): the principal,
 * whose organisation rule (health care of the region that performs the examination) each
 * record a write names is checked against here. Ids are validated first (BAD_USER_INPUT
 * naming the field); an examination of another region is answered like one that does not
 * exist: NOT_FOUND, the same message.
 */
export interface HealthAccess {
  principal: Principal;
}

export async function examinationOrNotFound(
  tx: Tx,
  access: HealthAccess,
  id: string,
  field = "examinationId",
): Promise<MedicalExaminationRow> {
  const exam = await tx.medicalExamination.findUnique({ where: { id: assertUuid(id, field) } });
  if (!exam || !healthOfRegion(access.principal, exam.hospitalRegion)) throw notFound("The medical examination");
  return exam;
}

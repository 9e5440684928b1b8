import type { OnwardReferralTarget } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { MedicalExaminationRow, OnwardReferralRow } from "./rows.ts";

/** An onward referral, on the case of the examination it follows from (found with the principal's access). */
export function createReferral(
  db: Tx,
  exam: MedicalExaminationRow,
  data: { target: OnwardReferralTarget; referredAt: Date; reason: string },
): Promise<OnwardReferralRow> {
  return db.onwardReferral.create({ data: { examinationId: exam.id, caseId: exam.caseId, ...data } });
}

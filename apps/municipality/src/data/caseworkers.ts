import type { Tx } from "./find.ts";
import type { CaseworkerAssignmentRow, ReferralRow } from "./rows.ts";

/**
 * The current assignment (none: null) of the case whose referral was found with the
 * principal's access (find.ts), inside the assigning transaction.
 */
export function currentAssignment(tx: Tx, { caseId }: ReferralRow): Promise<CaseworkerAssignmentRow | null> {
  return tx.caseworkerAssignment.findFirst({ where: { caseId, to: null }, orderBy: { from: "desc" } });
}

/**
 * Closes the current assignment at `to`. `to: null` in the where: if someone else closed it
 * meanwhile, this changes nothing and the caller refuses (false).
 */
export async function closeAssignment(tx: Tx, id: string, to: Date): Promise<boolean> {
  const closed = await tx.caseworkerAssignment.updateMany({ where: { id, to: null }, data: { to } });
  return closed.count === 1;
}

export function createAssignment(
  tx: Tx,
  { caseId }: ReferralRow,
  next: { caseworkerSub: string; caseworkerName: string; from: Date },
): Promise<CaseworkerAssignmentRow> {
  return tx.caseworkerAssignment.create({ data: { caseId, ...next } });
}

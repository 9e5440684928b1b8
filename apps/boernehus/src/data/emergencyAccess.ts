import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./find.ts";
import type { CaseRow, EmergencyAccessRow } from "./rows.ts";

/** Break-the-glass openings (docs/access-model.md 5): who opened which case, why, until when, and the review. */
export function emergencyAccessesOfCase(db: Tx, course: CaseRow): Promise<EmergencyAccessRow[]> {
  return db.emergencyAccess.findMany({ where: { caseId: course.id }, orderBy: { openedAt: "desc" } });
}

/** The openings not yet reviewed of the cases `owned` describes, oldest first. */
export function unreviewedEmergencyAccesses(db: Tx, owned: Prisma.BoernehusCaseWhereInput, take: number): Promise<EmergencyAccessRow[]> {
  return db.emergencyAccess.findMany({ where: { reviewedAt: null, case: owned }, orderBy: { openedAt: "asc" }, take });
}

/** An opening of a case the rule let this principal break the glass for. */
export function createEmergencyAccess(
  db: Tx,
  course: CaseRow,
  opening: Omit<Prisma.EmergencyAccessUncheckedCreateInput, "caseId">,
): Promise<EmergencyAccessRow> {
  return db.emergencyAccess.create({ data: { caseId: course.id, ...opening } });
}

export function emergencyAccessWithCase(tx: Tx, id: string) {
  return tx.emergencyAccess.findUnique({ where: { id }, include: { case: true } });
}

/** Ends at `now` every opening of this case by this person that is still open. */
export async function revokeOpenings(tx: Tx, access: EmergencyAccessRow, now: Date): Promise<void> {
  await tx.emergencyAccess.updateMany({
    where: { caseId: access.caseId, sub: access.sub, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

export async function recordReview(
  tx: Tx,
  access: EmergencyAccessRow,
  review: Prisma.EmergencyAccessUpdateInput,
): Promise<EmergencyAccessRow> {
  const { case: _case, ...row } = await tx.emergencyAccess.update({ where: { id: access.id }, data: review, include: { case: true } });
  return row;
}

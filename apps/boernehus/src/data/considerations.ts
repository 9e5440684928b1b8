import type { ConsiderationPlan } from "../domain/considerations.ts";
import type { Tx } from "./lookup.ts";

/**
 * Replaces the note's considered developments with the plan, inside the note's write transaction
 * (the caller holds the case lock and has checked the note is a draft).
 */
export async function replaceConsiderations(
  tx: Tx,
  note: { id: string; caseId: string },
  plan: readonly ConsiderationPlan[],
): Promise<void> {
  await tx.finalNoteConsideration.deleteMany({ where: { finalNoteId: note.id } });
  if (plan.length > 0) {
    await tx.finalNoteConsideration.createMany({ data: plan.map((p) => ({ finalNoteId: note.id, caseId: note.caseId, ...p })) });
  }
}

/** The case's assessment start, read in the write transaction. */
export async function assessmentStartedAt(tx: Tx, caseId: string): Promise<Date | null> {
  return (await tx.assessment.findUnique({ where: { caseId }, select: { startedAt: true } }))?.startedAt ?? null;
}

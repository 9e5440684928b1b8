import type { ConsiderationPlan } from "../domain/considerations.ts";
import type { RecommendationPlan } from "../domain/finalNote.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { FINAL_NOTE, type Tx, updateVersioned } from "./find.ts";
import type { CaseRow, FinalNoteRow, RecommendationRow } from "./rows.ts";

/**
 * The final note, its recommendations and the developments it took into account. Writes take the
 * case as locked with the principal's access, or a note of that case (find.ts).
 */
export function finalNoteOfCase(tx: Tx, course: CaseRow): Promise<FinalNoteRow | null> {
  return tx.finalNote.findUnique({ where: { caseId: course.id } });
}

export function createFinalNote(tx: Tx, course: CaseRow, draft: { text: string; draftedAt: Date }): Promise<FinalNoteRow> {
  return tx.finalNote.create({ data: { caseId: course.id, ...draft } });
}

/** Moves the note on one step, guarded by the version the caller read. */
export function updateFinalNote(
  tx: Tx,
  note: FinalNoteRow,
  version: number,
  change: Prisma.FinalNoteUpdateManyMutationInput,
): Promise<FinalNoteRow> {
  return updateVersioned(tx.finalNote, FINAL_NOTE, note.id, version, change);
}

export function recommendationsOfNote(tx: Tx, note: FinalNoteRow): Promise<RecommendationRow[]> {
  return tx.recommendation.findMany({ where: { finalNoteId: note.id } });
}

export async function applyRecommendations(tx: Tx, note: FinalNoteRow, plan: RecommendationPlan): Promise<void> {
  if (plan.deleteIds.length > 0) await tx.recommendation.deleteMany({ where: { id: { in: plan.deleteIds }, finalNoteId: note.id } });
  for (const { id, ...change } of plan.update) await tx.recommendation.update({ where: { id }, data: change });
  if (plan.create.length > 0) {
    await tx.recommendation.createMany({ data: plan.create.map((r) => ({ finalNoteId: note.id, caseId: note.caseId, ...r })) });
  }
}

/**
 * Replaces the note's considered developments with the plan, inside the note's write transaction
 * (the caller holds the case lock and has checked the note is a draft).
 */
export async function replaceConsiderations(tx: Tx, note: FinalNoteRow, plan: readonly ConsiderationPlan[]): Promise<void> {
  await tx.finalNoteConsideration.deleteMany({ where: { finalNoteId: note.id } });
  if (plan.length > 0) {
    await tx.finalNoteConsideration.createMany({ data: plan.map((p) => ({ finalNoteId: note.id, caseId: note.caseId, ...p })) });
  }
}

/** The notes sent in [from, to) on a municipality's courses that carry recommendations, oldest first (its alert worker). */
export async function sentNotesWithRecommendations(db: Tx, municipalityCode: string, from: Date, to: Date) {
  const notes = await db.finalNote.findMany({
    where: { sentAt: { gte: from, lt: to }, case: { municipalityCode }, recommendations: { some: {} } },
    select: { caseId: true, sentAt: true, recommendations: { select: { id: true }, orderBy: { position: "asc" } } },
    orderBy: { sentAt: "asc" },
  });
  return notes.map((n) => ({ caseId: n.caseId, finalNoteSentAt: n.sentAt as Date, recommendationIds: n.recommendations.map((r) => r.id) }));
}

import type { Tx } from "./find.ts";
import type { ChildAssessmentRow, ChildRow } from "./rows.ts";

/** The child's assessments (BFU), of the child as found with the principal's access (find.ts). */
export function assessmentsOfChild(db: Tx, child: ChildRow): Promise<ChildAssessmentRow[]> {
  return db.childAssessment.findMany({ where: { childId: child.id } });
}

export function createChildAssessment(db: Tx, child: ChildRow, decidedAt: Date): Promise<ChildAssessmentRow> {
  return db.childAssessment.create({ data: { childId: child.id, decidedAt } });
}

/** `completedAt: null` in the where: a concurrent second completion fails instead of overwriting the first. */
export function markChildAssessmentCompleted(db: Tx, assessment: ChildAssessmentRow, completedAt: Date): Promise<ChildAssessmentRow> {
  return db.childAssessment.update({ where: { id: assessment.id, completedAt: null }, data: { completedAt } });
}

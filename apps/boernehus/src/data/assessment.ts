import type { Tx } from "./find.ts";
import type { AssessmentRow, CaseRow } from "./rows.ts";

/** The assessment (udredning) of a case as locked with the principal's access (find.ts): one per course. */
export function assessmentOfCase(tx: Tx, course: CaseRow): Promise<AssessmentRow | null> {
  return tx.assessment.findUnique({ where: { caseId: course.id } });
}

export function createAssessment(tx: Tx, course: CaseRow, startedAt: Date): Promise<AssessmentRow> {
  return tx.assessment.create({ data: { caseId: course.id, startedAt } });
}

export function completeAssessment(tx: Tx, assessment: AssessmentRow, completedAt: Date, summary: string): Promise<AssessmentRow> {
  return tx.assessment.update({ where: { id: assessment.id }, data: { completedAt, summary } });
}

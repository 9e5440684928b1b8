import { addSpan, clockDefinitions } from "@samraad/clocks";
import { assertNotInFuture, assertOrdered, invalidTransition } from "@samraad/subgraph-kit";
import type { ChildAssessmentRow, ChildRow } from "../data/rows.ts";

const STATUTORY = clockDefinitions();

/** Barnets lov §20: the child assessment (BFU) must be completed within 4 months of the decision (the BFU clock). */
export const childAssessmentDueAt = (assessment: Pick<ChildAssessmentRow, "decidedAt">): Date =>
  addSpan(assessment.decidedAt, STATUTORY.BFU.deadline);

export const childAssessmentStatus = (assessment: Pick<ChildAssessmentRow, "completedAt">) =>
  assessment.completedAt ? ("COMPLETED" as const) : ("IN_PROGRESS" as const);

/** One assessment at a time: a new decision while one is in progress is a mistake. */
export function assertCanDecide(existing: ChildAssessmentRow[], child: ChildRow, decidedAt: Date, now: Date): void {
  assertOrdered({ name: "the child's birthDate", value: child.birthDate }, { name: "decidedAt", value: decidedAt });
  assertNotInFuture(decidedAt, "decidedAt", now);
  const open = existing.find((a) => !a.completedAt);
  if (open) {
    throw invalidTransition(
      `A child assessment decided ${open.decidedAt.toISOString()} is still in progress; complete it before deciding a new one.`,
    );
  }
}

export function assertCanComplete(assessment: ChildAssessmentRow, completedAt: Date, now: Date): void {
  if (assessment.completedAt) {
    throw invalidTransition(`The child assessment was already completed at ${assessment.completedAt.toISOString()}.`);
  }
  assertOrdered({ name: "decidedAt", value: assessment.decidedAt }, { name: "completedAt", value: completedAt });
  assertNotInFuture(completedAt, "completedAt", now);
}

/** The assessment that belongs to a referral: the last decided on or before it, else the first after it. */
export function assessmentForReferral(assessments: ChildAssessmentRow[], referredAt: Date): ChildAssessmentRow | null {
  const sorted = [...assessments].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  const before = sorted.filter((a) => a.decidedAt.getTime() <= referredAt.getTime());
  return before.at(-1) ?? sorted[0] ?? null;
}

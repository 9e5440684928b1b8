import { addSpan, clockDefinitions } from "@samraad/clocks";
import { assertNotInFuture, assertOrdered, invalidTransition } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { assessmentsOfChild, createChildAssessment, markChildAssessmentCompleted } from "../data/childAssessment.ts";
import { inTransaction } from "../data/client.ts";
import { childAssessmentOrNotFound, childOrNotFound } from "../data/find.ts";
import type { ChildAssessmentRow, ChildRow } from "../data/rows.ts";
import type { CompleteChildAssessmentInput, DecideChildAssessmentInput } from "../generated/graphql.ts";

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

// The writes: each rule above, applied to the record as the data layer finds it with the principal's access.

export function decideChildAssessment(ctx: Context, input: DecideChildAssessmentInput): Promise<ChildAssessmentRow> {
  return inTransaction(ctx.db, async (tx) => {
    const child = await childOrNotFound(tx, ctx, input.childId);
    assertCanDecide(await assessmentsOfChild(tx, child), child, input.decidedAt, ctx.clock.now());
    return createChildAssessment(tx, child, input.decidedAt);
  });
}

export function completeChildAssessment(ctx: Context, input: CompleteChildAssessmentInput): Promise<ChildAssessmentRow> {
  return inTransaction(ctx.db, async (tx) => {
    const assessment = await childAssessmentOrNotFound(tx, ctx, input.childAssessmentId);
    assertCanComplete(assessment, input.completedAt, ctx.clock.now());
    return markChildAssessmentCompleted(tx, assessment, input.completedAt);
  });
}

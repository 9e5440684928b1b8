import { assertNotInFuture, assertOrdered, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { assessmentOfCase, createAssessment, completeAssessment as recordCompleted } from "../data/assessment.ts";
import { inTransaction } from "../data/client.ts";
import { lockCase } from "../data/find.ts";
import type { AssessmentRow, CaseRow } from "../data/rows.ts";
import type { AssessmentStatus, CompleteAssessmentInput, StartAssessmentInput } from "../generated/graphql.ts";
import { assertCourseOpen, assertDuringCourse, assertFullCourse } from "./course.ts";

/** The børnehus's assessment (udredning): one per course, started, then completed with a summary. */
export function assertCanStart(course: CaseRow, existing: AssessmentRow | null, startedAt: Date, now: Date): void {
  assertCourseOpen(course);
  assertFullCourse(course, "børnehus assessment");
  if (existing) throw invalidTransition(`The course's assessment was already started (${existing.startedAt.toISOString()}).`);
  assertNotInFuture(startedAt, "startedAt", now);
  assertDuringCourse(course, "startedAt", startedAt);
}

export function assertCanComplete(course: CaseRow, assessment: AssessmentRow, completedAt: Date, summary: string, now: Date): string {
  assertCourseOpen(course);
  if (assessment.completedAt) throw invalidTransition("The assessment is already completed.");
  assertNotInFuture(completedAt, "completedAt", now);
  assertOrdered({ name: "startedAt", value: assessment.startedAt }, { name: "completedAt", value: completedAt });
  return nonEmpty(summary, "summary", 20_000);
}

/** Derived, so it can never disagree with completedAt. */
export function assessmentStatus(assessment: AssessmentRow): AssessmentStatus {
  return assessment.completedAt ? "COMPLETED" : "IN_PROGRESS";
}

// The writes: each rule above, applied to the case as the data layer locks it with the principal's access.

export async function startAssessment(ctx: Context, input: StartAssessmentInput): Promise<AssessmentRow> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    assertCanStart(course, await assessmentOfCase(tx, course), input.startedAt, ctx.clock.now());
    return createAssessment(tx, course, input.startedAt);
  });
}

export async function completeAssessment(ctx: Context, input: CompleteAssessmentInput): Promise<AssessmentRow> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    const assessment = await assessmentOfCase(tx, course);
    if (!assessment) throw invalidTransition("The course's assessment has not been started: start it first.");
    const summary = assertCanComplete(course, assessment, input.completedAt, input.summary, ctx.clock.now());
    return recordCompleted(tx, assessment, input.completedAt, summary);
  });
}

import { assertNotInFuture, assertOrdered, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { AssessmentRow, CaseRow } from "../data/rows.ts";
import type { AssessmentStatus } from "../generated/graphql.ts";
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

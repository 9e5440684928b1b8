import { assertNotInFuture, assertOrdered, badInput, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { CaseRow, MeetingRow } from "../data/rows.ts";
import type { ActivityDecisionInput, MeetingKind } from "../generated/graphql.ts";
import { assertCourseOpen, assertDuringCourse } from "./course.ts";
import { assertSamraadSector } from "./sector.ts";

/**
 * Samråd meetings: one planning meeting per course (the koordinerende sagssamråd),
 * then follow-ups once it has been held. PLANNED → HELD | CANCELLED.
 */
export function assertCanPlan(input: { course: CaseRow; kind: MeetingKind; meetings: MeetingRow[]; scheduledAt: Date }): void {
  const { course, kind, meetings, scheduledAt } = input;
  assertCourseOpen(course);
  const planning = meetings.find((m) => m.kind === "PLANNING" && m.status !== "CANCELLED");
  if (kind === "PLANNING") {
    if (planning) {
      throw invalidTransition(
        `The course already has a planning samråd (${planning.status}). Plan a FOLLOW_UP meeting, or cancel the planning meeting first.`,
      );
    }
    assertDuringCourse(course, "scheduledAt", scheduledAt);
    return;
  }
  if (planning?.status !== "HELD") {
    throw invalidTransition("A follow-up samråd needs a planning samråd that has been held first.");
  }
  assertOrdered({ name: "the planning samråd's heldAt", value: planning.heldAt }, { name: "scheduledAt", value: scheduledAt });
}

export function validateAgenda(agenda: string): string {
  return nonEmpty(agenda, "agenda", 10_000);
}

export function validateDecisions(decisions: ActivityDecisionInput[]) {
  if (decisions.length > 100) throw badInput("decisions lists more than 100 decisions.", "decisions");
  return decisions.map((d, i) => ({
    activity: d.activity,
    decision: nonEmpty(d.decision, `decisions[${i}].decision`, 5_000),
    responsibleSector: assertSamraadSector(d.responsibleSector, `decisions[${i}].responsibleSector`),
  }));
}

/**
 * `planningHeldAt` is the held planning meeting's date, for a follow-up: a follow-up
 * cannot have been held before the planning samråd it follows.
 */
export function assertCanRecordHeld(input: {
  meeting: MeetingRow;
  course: CaseRow;
  planningHeldAt: Date | null;
  heldAt: Date;
  now: Date;
}): void {
  const { meeting, course, planningHeldAt, heldAt } = input;
  assertCourseOpen(course);
  if (meeting.status !== "PLANNED") {
    throw invalidTransition(`Only a PLANNED samråd can be recorded as held; this one is ${meeting.status}.`);
  }
  assertNotInFuture(heldAt, "heldAt", input.now);
  assertDuringCourse(course, "heldAt", heldAt);
  assertOrdered({ name: "the planning samråd's heldAt", value: planningHeldAt }, { name: "heldAt", value: heldAt });
}

export function assertCanCancel(meeting: MeetingRow, course: CaseRow, reason: string): string {
  assertCourseOpen(course);
  if (meeting.status !== "PLANNED") throw invalidTransition(`Only a PLANNED samråd can be cancelled; this one is ${meeting.status}.`);
  return nonEmpty(reason, "reason", 2_000);
}

/**
 * Moving a planned samråd: the same rules as planning it at the new time (a planning samråd
 * during the course; a follow-up after the planning samråd it follows was held).
 */
export function assertCanMove(input: { meeting: MeetingRow; course: CaseRow; planningHeldAt: Date | null; scheduledAt: Date }): void {
  const { meeting, course, scheduledAt } = input;
  assertCourseOpen(course);
  if (meeting.status !== "PLANNED") throw invalidTransition(`Only a PLANNED samråd can be moved; this one is ${meeting.status}.`);
  if (meeting.kind === "PLANNING") assertDuringCourse(course, "scheduledAt", scheduledAt);
  else assertOrdered({ name: "the planning samråd's heldAt", value: input.planningHeldAt }, { name: "scheduledAt", value: scheduledAt });
}

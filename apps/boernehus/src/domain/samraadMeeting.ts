import { assertNotInFuture, assertOrdered, badInput, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { updateCourseStatus } from "../data/boernehusCase.ts";
import { enrolInvited, participantsOfCase } from "../data/caseParticipant.ts";
import { inTransaction } from "../data/client.ts";
import { findMeeting, lockCase, MEETING, type Tx } from "../data/find.ts";
import type { CaseRow, MeetingRow } from "../data/rows.ts";
import { addDecisions, createMeeting, heldPlanningMeeting, meetingsOfCase, updateMeeting } from "../data/samraadMeeting.ts";
import type {
  ActivityDecisionInput,
  CancelSamraadMeetingInput,
  MeetingKind,
  MoveSamraadMeetingInput,
  PlanSamraadMeetingInput,
  RecordSamraadMeetingHeldInput,
} from "../generated/graphql.ts";
import { assertCourseOpen, assertDuringCourse, statusAfterPlanning } from "./course.ts";
import { assertServes, servingOrganisations } from "./invitation.ts";
import { validateMeetingParticipants } from "./participants.ts";
import { assertSamraadSector } from "./sector.ts";
import { assertVersion } from "./version.ts";

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

/** Where the samråd meets: optional, but when given it must say something. */
export function validateLocation(location: string | null | undefined): string | null {
  return location == null || location.trim() === "" ? null : nonEmpty(location, "location", 300);
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

// The writes: each rule above, applied to the case as the data layer locks it with the principal's access.

export async function planSamraadMeeting(ctx: Context, input: PlanSamraadMeetingInput): Promise<MeetingRow> {
  const agenda = validateAgenda(input.agenda);
  const location = validateLocation(input.location);
  const participants = validateMeetingParticipants(input.participants, input.kind);
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    assertCanPlan({ course, kind: input.kind, meetings: await meetingsOfCase(tx, course), scheduledAt: input.scheduledAt });
    // A person who signs in and is not on the case yet is invited by this plan: the same rule as
    // addCaseParticipant, only people of the organisations that serve the case (docs/access-model.md).
    const onCase = await participantsOfCase(tx, course);
    const serving = servingOrganisations(course, onCase);
    for (const [i, p] of participants.entries()) {
      if (!p.sub || onCase.some((c) => c.sub === p.sub)) continue;
      try {
        assertServes(p, serving, `participants[${i}].organisation`);
      } catch (refusal) {
        ctx.audit.deny("CaseParticipant", "invite", { caseId: course.id });
        throw refusal;
      }
    }
    const meeting = await createMeeting(tx, course, { kind: input.kind, scheduledAt: input.scheduledAt, agenda, location }, participants);
    // Invited people who sign in become case participants: that is what lets them see the case.
    await enrolInvited(tx, course, participants);
    const status = statusAfterPlanning(course);
    if (status !== course.status) await updateCourseStatus(tx, course, status);
    return meeting;
  });
}

/** A meeting named by a change, and its case locked: a meeting of a case the principal may not see is not found. */
async function meetingToChange(tx: Tx, ctx: Context, meetingId: string): Promise<{ meeting: MeetingRow; course: CaseRow }> {
  const meeting = await findMeeting(tx, meetingId);
  return { meeting, course: await lockCase(tx, meeting.caseId, ctx.access, "write", MEETING) };
}

/** For a follow-up: when the planning samråd it follows was held (null if it was not, or for a planning samråd). */
async function planningHeldAt(tx: Tx, meeting: MeetingRow, course: CaseRow): Promise<Date | null> {
  return meeting.kind === "FOLLOW_UP" ? ((await heldPlanningMeeting(tx, course))?.heldAt ?? null) : null;
}

export async function recordSamraadMeetingHeld(ctx: Context, input: RecordSamraadMeetingHeldInput): Promise<MeetingRow> {
  const minutes = nonEmpty(input.minutes, "minutes", 50_000);
  const decisions = validateDecisions(input.decisions);
  return inTransaction(ctx.db, async (tx) => {
    const { meeting, course } = await meetingToChange(tx, ctx, input.meetingId);
    const heldAfter = await planningHeldAt(tx, meeting, course);
    assertCanRecordHeld({ meeting, course, planningHeldAt: heldAfter, heldAt: input.heldAt, now: ctx.clock.now() });
    assertVersion(MEETING, meeting, input.version);
    const held = await updateMeeting(tx, meeting, input.version, { status: "HELD", heldAt: input.heldAt, minutes });
    await addDecisions(tx, meeting, decisions);
    return held;
  });
}

export async function cancelSamraadMeeting(ctx: Context, input: CancelSamraadMeetingInput): Promise<MeetingRow> {
  return inTransaction(ctx.db, async (tx) => {
    const { meeting, course } = await meetingToChange(tx, ctx, input.meetingId);
    const reason = assertCanCancel(meeting, course, input.reason);
    assertVersion(MEETING, meeting, input.version);
    return updateMeeting(tx, meeting, input.version, { status: "CANCELLED", cancellationReason: reason });
  });
}

export async function moveSamraadMeeting(ctx: Context, input: MoveSamraadMeetingInput): Promise<MeetingRow> {
  return inTransaction(ctx.db, async (tx) => {
    const { meeting, course } = await meetingToChange(tx, ctx, input.meetingId);
    assertCanMove({ meeting, course, planningHeldAt: await planningHeldAt(tx, meeting, course), scheduledAt: input.scheduledAt });
    assertVersion(MEETING, meeting, input.version);
    return updateMeeting(tx, meeting, input.version, { scheduledAt: input.scheduledAt });
  });
}

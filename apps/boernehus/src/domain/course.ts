import { assertNotInFuture, assertOrdered, badInput, conflict, invalidTransition, isUuid } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { courseById, createCourse, updateCourseStatus } from "../data/boernehusCase.ts";
import { inTransaction } from "../data/client.ts";
import { finalNoteOfCase } from "../data/finalNote.ts";
import { lockCase } from "../data/find.ts";
import type { CaseRow, FinalNoteRow } from "../data/rows.ts";
import { heldPlanningMeeting } from "../data/samraadMeeting.ts";
import type { AbuseType, CloseCourseInput, CourseStatus, RegisterCourseInput } from "../generated/graphql.ts";
import { assertMayRegister, registrantAsParticipant } from "./caseAccess.ts";

/**
 * The course (børnehusforløb): REFERRED → ACTIVE (the planning samråd is planned) →
 * FINAL_NOTE (the final note is sent) → CLOSED. A closed course is read-only.
 *
 * A SAMRAAD_ONLY course is a samråd without the børnehus's own work: no assessment and
 * no final note, so it goes ACTIVE → CLOSED once its planning samråd was held.
 */
export function validateRegistration(input: RegisterCourseInput, now: Date) {
  if (!isUuid(input.caseId)) throw badInput("caseId must be the case id (a UUID) from the municipality's referral.", "caseId");
  const municipalityCode = input.municipalityCode.trim();
  if (!/^\d{4}$/.test(municipalityCode))
    throw badInput("municipalityCode must be a four-digit municipality code, e.g. 0101.", "municipalityCode");
  const abuseTypes = [...new Set<AbuseType>(input.abuseTypes)];
  if (abuseTypes.length === 0) throw badInput("abuseTypes needs at least one abuse type.", "abuseTypes");
  if (!Number.isInteger(input.childAgeAtReferral) || input.childAgeAtReferral < 0 || input.childAgeAtReferral > 17) {
    throw badInput("childAgeAtReferral must be 0-17: the børnehus serves children under 18.", "childAgeAtReferral");
  }
  assertNotInFuture(input.referralReceivedAt, "referralReceivedAt", now);
  return {
    id: input.caseId.toLowerCase(),
    region: input.region,
    municipalityCode,
    type: input.type,
    abuseTypes,
    burdenLevel: input.burdenLevel,
    childAgeAtReferral: input.childAgeAtReferral,
    referralReceivedAt: input.referralReceivedAt,
  };
}

export function alreadyRegistered(caseId: string) {
  return conflict(`The course ${caseId} is already registered.`);
}

export function assertCourseOpen(course: CaseRow): void {
  if (course.status === "CLOSED") throw invalidTransition("The course is closed: nothing more can be recorded in it.");
}

/** Planning the first samråd starts the course. */
export function statusAfterPlanning(course: CaseRow): CourseStatus {
  return course.status === "REFERRED" ? "ACTIVE" : course.status;
}

/** Sending the final note moves an ACTIVE course to FINAL_NOTE. */
export function assertCanEnterFinalNote(course: CaseRow): void {
  if (course.status !== "ACTIVE") {
    throw invalidTransition(`The course is ${course.status}; only an ACTIVE course can receive its final note.`);
  }
}

export function assertFullCourse(course: CaseRow, what: string): void {
  if (course.type === "SAMRAAD_ONLY") throw invalidTransition(`A samråd-only course has no ${what}.`);
}

/**
 * What a course must have behind it to close: the sent final note (a full course), or
 * the held planning samråd (a samråd-only course).
 */
export function assertCanClose(
  course: CaseRow,
  done: { note: FinalNoteRow | null; planningHeldAt: Date | null },
  closedAt: Date,
  now: Date,
): void {
  if (course.status === "CLOSED") throw invalidTransition("The course is already closed.");
  let lastStep: { name: string; value: Date | null };
  if (course.type === "SAMRAAD_ONLY") {
    if (course.status !== "ACTIVE" || !done.planningHeldAt) {
      throw invalidTransition("A samråd-only course can only be closed after its planning samråd was held.");
    }
    lastStep = { name: "the planning samråd's heldAt", value: done.planningHeldAt };
  } else {
    if (done.note?.status !== "SENT" || course.status !== "FINAL_NOTE") {
      throw invalidTransition("The course can only be closed after its final note is sent.");
    }
    lastStep = { name: "the final note's sentAt", value: done.note.sentAt };
  }
  assertNotInFuture(closedAt, "closedAt", now);
  assertOrdered({ name: "referralReceivedAt", value: course.referralReceivedAt }, { name: "closedAt", value: closedAt });
  assertOrdered(lastStep, { name: "closedAt", value: closedAt });
}

/** For the dates of things that happen during the course (sessions, consultations, meetings). */
export function assertDuringCourse(course: CaseRow, field: string, value: Date): void {
  assertOrdered({ name: "referralReceivedAt", value: course.referralReceivedAt }, { name: field, value });
}

/** `first` for boernehusCases: at least 1, at most 500 (larger asks are capped, not refused). */
export const MAX_CASES_PAGE = 500;
export function pageSize(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1) throw badInput("first must be at least 1.", "first");
  return Math.min(n, MAX_CASES_PAGE);
}

// The writes: each rule above, applied to the case as the data layer locks it with the principal's access.

export async function registerCourse(ctx: Context, input: RegisterCourseInput): Promise<CaseRow> {
  const data = validateRegistration(input, ctx.clock.now());
  assertMayRegister(ctx.principal, data.region);
  return inTransaction(ctx.db, async (tx) => {
    if (await courseById(tx, data.id)) throw alreadyRegistered(data.id);
    // Whoever registers the course takes part in it from the start.
    return createCourse(tx, data, [registrantAsParticipant(ctx.principal, data.id)]);
  });
}

export async function closeCourse(ctx: Context, input: CloseCourseInput): Promise<CaseRow> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    const note = await finalNoteOfCase(tx, course);
    const planning = await heldPlanningMeeting(tx, course);
    assertCanClose(course, { note, planningHeldAt: planning?.heldAt ?? null }, input.closedAt, ctx.clock.now());
    return updateCourseStatus(tx, course, "CLOSED", input.closedAt);
  });
}

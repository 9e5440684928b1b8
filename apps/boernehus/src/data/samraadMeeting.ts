import type { ValidParticipant } from "../domain/participants.ts";
import type { validateDecisions } from "../domain/samraadMeeting.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { MEETING, type Tx, updateVersioned } from "./find.ts";
import type { CaseRow, MeetingRow } from "./rows.ts";

/** The samråd meetings of a case as locked with the principal's access (find.ts). */
export function meetingsOfCase(tx: Tx, course: CaseRow): Promise<MeetingRow[]> {
  return tx.samraadMeeting.findMany({ where: { caseId: course.id } });
}

/** The case's held planning samråd, if any: what a follow-up and a samråd-only course's close come after. */
export function heldPlanningMeeting(tx: Tx, course: CaseRow): Promise<MeetingRow | null> {
  return tx.samraadMeeting.findFirst({ where: { caseId: course.id, kind: "PLANNING", status: "HELD" } });
}

/**
 * A new meeting's own columns, as the generated client names them: a column added to the
 * schema reaches the write from the domain without a change here.
 */
export type NewMeeting = Omit<
  Prisma.SamraadMeetingUncheckedCreateWithoutParticipantsInput,
  "id" | "caseId" | "status" | "version" | "decisions" | "actionItems"
>;

export function createMeeting(
  tx: Tx,
  course: CaseRow,
  meeting: NewMeeting,
  participants: readonly ValidParticipant[],
): Promise<MeetingRow> {
  return tx.samraadMeeting.create({
    data: { caseId: course.id, ...meeting, participants: { create: participants.map((p, position) => ({ position, ...p })) } },
  });
}

/** The meeting's change, if it still has the version the change was decided on. */
export function updateMeeting(
  tx: Tx,
  meeting: MeetingRow,
  version: number,
  change: Prisma.SamraadMeetingUpdateManyMutationInput,
): Promise<MeetingRow> {
  return updateVersioned(tx.samraadMeeting, MEETING, meeting.id, version, change);
}

export async function addDecisions(tx: Tx, meeting: MeetingRow, decisions: ReturnType<typeof validateDecisions>): Promise<void> {
  await tx.activityDecision.createMany({ data: decisions.map((d, position) => ({ meetingId: meeting.id, position, ...d })) });
}

import type { Principal } from "@samraad/access";
import { assertOrdered, forbidden, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { changeActionItemStatus, createActionItem } from "../data/actionItem.ts";
import { inTransaction } from "../data/client.ts";
import { ACTION_ITEM, findActionItem, findMeeting, lockCase, MEETING } from "../data/find.ts";
import type { ActionItemRow, CaseRow, MeetingRow } from "../data/rows.ts";
import type { ActionItemStatus, AddActionItemInput, Sector, UpdateActionItemStatusInput } from "../generated/graphql.ts";
import { assertCourseOpen } from "./course.ts";
import { assertSamraadSector, SECTOR_NAMES } from "./sector.ts";
import { assertVersion } from "./version.ts";

/**
 * Action items agreed at a samråd: each is owned by one sector, which alone (with the
 * børnehus, which coordinates the course) may move it along.
 */
export function validateNewActionItem(input: { course: CaseRow; meeting: MeetingRow; title: string; owningSector: Sector; dueAt: Date }) {
  assertCourseOpen(input.course);
  if (input.meeting.status === "CANCELLED") throw invalidTransition("The samråd was cancelled: add the action item to another meeting.");
  const title = nonEmpty(input.title, "title", 500);
  const owningSector = assertSamraadSector(input.owningSector, "owningSector");
  assertOrdered({ name: "the samråd's scheduledAt", value: input.meeting.scheduledAt }, { name: "dueAt", value: input.dueAt });
  return { title, owningSector, dueAt: input.dueAt };
}

export function assertMayChangeStatus(principal: Principal, item: ActionItemRow): void {
  if (principal.sector === item.owningSector || principal.sector === "BOERNEHUS") return;
  throw forbidden(
    `Only ${SECTOR_NAMES[item.owningSector]} (the sector that owns this action item) or the børnehus may change its status; you act for ${SECTOR_NAMES[principal.sector]}.`,
  );
}

/** OPEN ⇄ IN_PROGRESS → DONE; DONE can be reopened; CANCELLED is final. */
const NEXT: Record<ActionItemStatus, ActionItemStatus[]> = {
  OPEN: ["IN_PROGRESS", "DONE", "CANCELLED"],
  IN_PROGRESS: ["OPEN", "DONE", "CANCELLED"],
  DONE: ["OPEN", "IN_PROGRESS"],
  CANCELLED: [],
};

export function nextStatus(item: ActionItemRow, status: ActionItemStatus, now: Date) {
  if (!NEXT[item.status].includes(status)) {
    throw invalidTransition(`The action item is ${item.status}; it cannot become ${status}.`);
  }
  return { status, completedAt: status === "DONE" ? now : null };
}

// The writes: each rule above, applied to the case as the data layer locks it with the principal's access.

export async function addActionItem(ctx: Context, input: AddActionItemInput): Promise<ActionItemRow> {
  return inTransaction(ctx.db, async (tx) => {
    const meeting = await findMeeting(tx, input.meetingId);
    const course = await lockCase(tx, meeting.caseId, ctx.access, "participate", MEETING);
    const item = validateNewActionItem({ course, meeting, title: input.title, owningSector: input.owningSector, dueAt: input.dueAt });
    return createActionItem(tx, course, meeting, item);
  });
}

export async function updateActionItemStatus(ctx: Context, input: UpdateActionItemStatusInput): Promise<ActionItemRow> {
  return inTransaction(ctx.db, async (tx) => {
    const item = await findActionItem(tx, input.id);
    // Row level first: an item of a case the principal may not see is not found, whoever owns it.
    const course = await lockCase(tx, item.caseId, ctx.access, "participate", ACTION_ITEM);
    // The version first: a write from a stale page is a CONFLICT (reload and see), never a
    // rule about a status the writer has not seen yet.
    assertVersion(ACTION_ITEM, item, input.version);
    assertMayChangeStatus(ctx.principal, item);
    assertCourseOpen(course);
    return changeActionItemStatus(tx, item, input.version, nextStatus(item, input.status, ctx.clock.now()));
  });
}

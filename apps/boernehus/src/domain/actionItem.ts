import type { Principal } from "@samraad/access";
import { assertOrdered, forbidden, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { ActionItemRow, CaseRow, MeetingRow } from "../data/rows.ts";
import type { ActionItemStatus, Sector } from "../generated/graphql.ts";
import { assertCourseOpen } from "./course.ts";
import { assertSamraadSector, SECTOR_NAMES } from "./sector.ts";

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

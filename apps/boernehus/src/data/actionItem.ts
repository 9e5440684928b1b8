import type { validateNewActionItem } from "../domain/actionItem.ts";
import type { ActionItemStatus } from "../generated/prisma/client.ts";
import { ACTION_ITEM, type Tx, updateVersioned } from "./find.ts";
import type { ActionItemRow, CaseRow, MeetingRow } from "./rows.ts";

/** An action item agreed at a meeting of the case as locked with the principal's access (find.ts). */
export function createActionItem(
  tx: Tx,
  course: CaseRow,
  meeting: MeetingRow,
  item: ReturnType<typeof validateNewActionItem>,
): Promise<ActionItemRow> {
  return tx.actionItem.create({ data: { meetingId: meeting.id, caseId: course.id, ...item } });
}

/** The item's next status, if it still has the version the change was decided on. */
export function changeActionItemStatus(
  tx: Tx,
  item: ActionItemRow,
  version: number,
  next: { status: ActionItemStatus; completedAt: Date | null },
): Promise<ActionItemRow> {
  return updateVersioned(tx.actionItem, ACTION_ITEM, item.id, version, next);
}

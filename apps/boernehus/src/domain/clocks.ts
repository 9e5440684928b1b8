import { type Clock, type ClockDefinition, type ClockKind, computeClock } from "@samraad/clocks";
import type { CaseRow, FinalNoteRow } from "../data/rows.ts";

/**
 * The final note clock: from the referral reaching the børnehus to the note being sent, for a
 * full course (a samråd-only course has no final note).
 */
export function boernehusClocks(
  course: Pick<CaseRow, "id" | "type" | "referralReceivedAt">,
  note: Pick<FinalNoteRow, "sentAt"> | null,
  definitions: Record<ClockKind, ClockDefinition>,
  now: Date,
): Clock[] {
  if (course.type !== "FULL_COURSE") return [];
  return [computeClock(definitions.FINAL_NOTE, { startedAt: course.referralReceivedAt, metAt: note?.sentAt ?? null }, now)];
}

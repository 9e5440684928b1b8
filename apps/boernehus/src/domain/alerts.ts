import type { AlertDraft } from "@samraad/alerts";
import { type ClockDefinition, computeClock } from "@samraad/clocks";
import type { CaseParticipantRow, CaseRow, FinalNoteRow } from "../data/rows.ts";

/** An overdue step older than this is history for the statistics, not an alert. */
export const ALERT_LOOKBACK_DAYS = 30;

/**
 * FINAL_NOTE_OVERDUE: a full course whose final note is not sent by the target. For each of
 * the case's børnehus participants (they write and send the note); read through the børnehus's
 * row rules, so a participant who no longer sees the case no longer sees the alert.
 */
export function finalNoteAlerts(
  cases: Array<CaseRow & { finalNote: FinalNoteRow | null; participants: CaseParticipantRow[] }>,
  definition: ClockDefinition,
  now: Date,
): AlertDraft[] {
  return cases.flatMap((course) => {
    if (course.type !== "FULL_COURSE" || course.finalNote?.sentAt) return [];
    const clock = computeClock(definition, { startedAt: course.referralReceivedAt, metAt: null }, now);
    if (clock.status !== "OVERDUE") return [];
    return course.participants
      .filter((p) => p.sector === "BOERNEHUS")
      .map((p) => ({
        kind: "FINAL_NOTE_OVERDUE",
        caseId: course.id,
        subjectId: course.id,
        dueAt: clock.dueAt,
        sector: "BOERNEHUS",
        organisation: course.region,
        recipient: { sub: p.sub },
      }));
  });
}

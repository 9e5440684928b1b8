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

export const CONSULTATION_OVERDUE = "CONSULTATION_OVERDUE";

/**
 * CONSULTATION_OVERDUE: an open course (not closed) whose last consultation (sparring) between the
 * municipality and the børnehus, or, before the first, whose referral, lies `weeks` weeks or more
 * back. The seed analysis finds that they consult too little while the course runs. For the case's
 * samråd participants of the municipality and of the børnehus (the two who consult), by person;
 * read through the børnehus's row rules. The subject is the case and the quiet spell's start, so
 * a consultation ends the spell and the next quiet spell raises a new reminder, never the same twice.
 */
export function consultationReminders(
  cases: Array<CaseRow & { lastConsultationAt: Date | null; participants: CaseParticipantRow[] }>,
  weeks: number,
  now: Date,
): AlertDraft[] {
  const span = weeks * 7 * 86_400_000;
  return cases.flatMap((course) => {
    if (course.status === "CLOSED") return [];
    const since = course.lastConsultationAt ?? course.referralReceivedAt;
    const dueAt = new Date(since.getTime() + span);
    if (dueAt.getTime() > now.getTime()) return [];
    return course.participants
      .filter(
        (p) =>
          (p.sector === "BOERNEHUS" && p.organisation === course.region) ||
          (p.sector === "MUNICIPALITY" && p.organisation === course.municipalityCode),
      )
      .map((p) => ({
        kind: CONSULTATION_OVERDUE,
        caseId: course.id,
        subjectId: `${course.id}:${since.toISOString()}`,
        dueAt,
        sector: p.sector,
        organisation: p.organisation,
        recipient: { sub: p.sub },
      }));
  });
}

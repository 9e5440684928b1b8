import { addCalendarMonths } from "@samraad/clocks";
import type { CaseRow, FinalNoteRow } from "../data/rows.ts";

/** Municipalities "usually wait 4-6 months" for the note (seed 000). */
export const ANALYSIS_LOW_MONTHS = 4;
export const ANALYSIS_HIGH_MONTHS = 6;

export type FinalNoteAgeBand = "UNDER_4_MONTHS" | "FROM_4_TO_6_MONTHS" | "OVER_6_MONTHS";

export interface FinalNoteAgeView {
  from: Date;
  to: Date;
  sent: boolean;
  days: number;
  months: number;
  band: FinalNoteAgeBand;
  analysisLowMonths: number;
  analysisHighMonths: number;
}

const DAY_MS = 86_400_000;

/** Whole calendar months (Danish time) from `from` to `to`: the most m with from + m months <= to. */
export function wholeMonths(from: Date, to: Date): number {
  let months = 0;
  while (months < 1200 && addCalendarMonths(from, months + 1) <= to) months++;
  return months;
}

/**
 * The final note's age against the analysis's 4-6 months: from the referral received to the note
 * sent, or to now while it is not. Band: under 4 months while from + 4 months is still ahead, over
 * 6 once from + 6 months has passed. Null for a samråd-only course (no note in the børnehus).
 */
export function finalNoteAge(course: CaseRow, note: FinalNoteRow | null, now: Date): FinalNoteAgeView | null {
  if (course.type !== "FULL_COURSE") return null;
  const from = course.referralReceivedAt;
  const sent = note?.sentAt != null;
  const to = note?.sentAt ?? (now < from ? from : now);
  const band: FinalNoteAgeBand =
    to < addCalendarMonths(from, ANALYSIS_LOW_MONTHS)
      ? "UNDER_4_MONTHS"
      : to <= addCalendarMonths(from, ANALYSIS_HIGH_MONTHS)
        ? "FROM_4_TO_6_MONTHS"
        : "OVER_6_MONTHS";
  return {
    from,
    to,
    sent,
    days: Math.floor((to.getTime() - from.getTime()) / DAY_MS),
    months: wholeMonths(from, to),
    band,
    analysisLowMonths: ANALYSIS_LOW_MONTHS,
    analysisHighMonths: ANALYSIS_HIGH_MONTHS,
  };
}

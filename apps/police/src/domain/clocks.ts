import { type Clock, type ClockDefinition, type ClockKind, computeClock } from "@samraad/clocks";
import type { PoliceReportRow, VideoInterviewRow } from "../data/rows.ts";

/** Children up to this age at the referral are interviewed on video (the synthetic data's rule, GLOSSARY: under 15). */
export const VIDEO_INTERVIEW_MAX_AGE = 14;

/**
 * The video interview clock: from the police report to the first interview held, for a child
 * young enough to be interviewed on video. The age comes from the børnehus (@requires).
 */
export function policeClocks(
  report: PoliceReportRow | null,
  interviews: VideoInterviewRow[],
  childAgeAtReferral: number | null,
  definitions: Record<ClockKind, ClockDefinition>,
  now: Date,
): Clock[] {
  if (!report || childAgeAtReferral === null || childAgeAtReferral > VIDEO_INTERVIEW_MAX_AGE) return [];
  const held = interviews
    .filter((i) => i.status === "HELD" && i.heldAt !== null)
    .map((i) => (i.heldAt as Date).getTime())
    .sort((a, b) => a - b);
  const metAt = held.length > 0 ? new Date(held[0] as number) : null;
  return [computeClock(definitions.VIDEO_INTERVIEW, { startedAt: report.reportedAt, metAt, subjectId: report.id }, now)];
}

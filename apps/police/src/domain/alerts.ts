import type { AlertDraft } from "@samraad/alerts";
import { type ClockDefinition, computeClock } from "@samraad/clocks";
import type { PoliceReportRow, VideoInterviewRow } from "../data/rows.ts";

/** An overdue step older than this is history for the statistics, not an alert. */
export const ALERT_LOOKBACK_DAYS = 30;

/**
 * INTERVIEW_NOT_HELD: a video interview was booked for the report (so one is wanted: the police
 * learn the child's age only through the case) and none was held within the week. For the
 * district's investigators, who own the step; the police's own row rule (the district that owns
 * the report) decides who reads it.
 */
export function interviewAlerts(
  reports: Array<PoliceReportRow & { videoInterviews: VideoInterviewRow[] }>,
  definition: ClockDefinition,
  now: Date,
): AlertDraft[] {
  return reports.flatMap((report) => {
    if (report.videoInterviews.length === 0) return [];
    const held = report.videoInterviews.some((i) => i.status === "HELD" && i.heldAt !== null && i.heldAt <= now);
    const clock = computeClock(definition, { startedAt: report.reportedAt, metAt: null }, now);
    if (held || clock.status !== "OVERDUE") return [];
    return [
      {
        kind: "INTERVIEW_NOT_HELD",
        caseId: report.caseId,
        subjectId: report.id,
        dueAt: clock.dueAt,
        sector: "POLICE",
        organisation: report.district,
        recipient: { roles: ["investigator"] },
      },
    ];
  });
}

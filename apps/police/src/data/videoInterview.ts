import type { ObjectionOverrideBasis, Sector } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { PoliceReportRow, VideoInterviewRow } from "./rows.ts";

/**
 * The writes of a video interview, on a report or interview as found with the principal's
 * access (find.ts). A change names the version it was decided on: a row changed since
 * matches nothing (optimistic lock).
 */
export function createInterview(
  db: Tx,
  report: PoliceReportRow,
  data: {
    scheduledAt: Date;
    interviewerName: string | null;
    custodyObjection: boolean;
    objectionOverrideBasis: ObjectionOverrideBasis | null;
    objectionOverrideReason: string | null;
    objectionOverriddenBy: string | null;
  },
): Promise<VideoInterviewRow> {
  return db.videoInterview.create({ data: { policeReportId: report.id, ...data } });
}

export function markInterviewHeld(
  db: Tx,
  interview: VideoInterviewRow,
  version: number,
  record: { heldAt: Date; observers: Sector[] },
): Promise<VideoInterviewRow> {
  return db.videoInterview.update({
    where: { id: interview.id, version },
    data: { status: "HELD", ...record, version: { increment: 1 } },
  });
}

export function markInterviewCancelled(
  db: Tx,
  interview: VideoInterviewRow,
  version: number,
  cancellationReason: string,
): Promise<VideoInterviewRow> {
  return db.videoInterview.update({
    where: { id: interview.id, version },
    data: { status: "CANCELLED", cancellationReason, version: { increment: 1 } },
  });
}

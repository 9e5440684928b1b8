import type { AlertDraft } from "@samraad/alerts";
import { addCalendarDays, type ClockSettings } from "@samraad/clocks";
import { ALERT_LOOKBACK_DAYS, interviewAlerts } from "../domain/alerts.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The police's alert scan: reports whose week ran out within the look-back, with their interviews. */
export async function scanPoliceAlerts(db: PrismaClient, clock: ClockSettings, now: Date): Promise<AlertDraft[]> {
  const reports = await db.policeReport.findMany({
    where: {
      reportedAt: { gte: addCalendarDays(now, -(7 + ALERT_LOOKBACK_DAYS)), lte: addCalendarDays(now, -7) },
      videoInterviews: { none: { status: "HELD", heldAt: { lte: now } } },
    },
    include: { videoInterviews: true },
  });
  return interviewAlerts(reports, clock.definitions.VIDEO_INTERVIEW, now);
}

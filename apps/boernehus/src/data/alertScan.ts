import type { AlertDraft } from "@samraad/alerts";
import { addCalendarDays, type ClockSettings, subtractSpan } from "@samraad/clocks";
import { ALERT_LOOKBACK_DAYS, finalNoteAlerts } from "../domain/alerts.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The børnehus's alert scan: full courses whose final note target ran out within the look-back, note not sent. */
export async function scanBoernehusAlerts(db: PrismaClient, clock: ClockSettings, now: Date): Promise<AlertDraft[]> {
  const definition = clock.definitions.FINAL_NOTE;
  const dueBy = subtractSpan(now, definition.deadline);
  const cases = await db.boernehusCase.findMany({
    where: {
      type: "FULL_COURSE",
      referralReceivedAt: { gte: addCalendarDays(dueBy, -ALERT_LOOKBACK_DAYS), lte: dueBy },
      OR: [{ finalNote: null }, { finalNote: { sentAt: null } }],
    },
    include: { finalNote: true, participants: { where: { sector: "BOERNEHUS" } } },
  });
  return finalNoteAlerts(cases, definition, now);
}

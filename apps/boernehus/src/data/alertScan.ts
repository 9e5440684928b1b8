import type { AlertDraft } from "@samraad/alerts";
import { addCalendarDays, type ClockSettings, subtractSpan } from "@samraad/clocks";
import { ALERT_LOOKBACK_DAYS, consultationReminders, finalNoteAlerts } from "../domain/alerts.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** What the scan needs beyond the clocks: weeks without a consultation before the reminder (config). */
export interface BoernehusAlertSettings {
  consultationReminderWeeks: number;
}

/**
 * The børnehus's alert scan: full courses whose final note target ran out within the look-back,
 * note not sent; and, with `settings`, open courses without a consultation for the configured weeks.
 */
export async function scanBoernehusAlerts(
  db: PrismaClient,
  clock: ClockSettings,
  now: Date,
  settings?: BoernehusAlertSettings,
): Promise<AlertDraft[]> {
  const [notes, reminders] = await Promise.all([
    finalNoteDrafts(db, clock, now),
    settings ? consultationDrafts(db, settings.consultationReminderWeeks, now) : [],
  ]);
  return [...notes, ...reminders];
}

/** Open courses referred at least `weeks` ago with no consultation in the last `weeks` weeks. */
async function consultationDrafts(db: PrismaClient, weeks: number, now: Date): Promise<AlertDraft[]> {
  const quietSince = addCalendarDays(now, -7 * weeks);
  const cases = await db.boernehusCase.findMany({
    where: {
      status: { not: "CLOSED" },
      referralReceivedAt: { lte: quietSince },
      consultations: { none: { heldAt: { gt: quietSince } } },
    },
    include: {
      participants: { where: { sector: { in: ["BOERNEHUS", "MUNICIPALITY"] } } },
      consultations: { orderBy: { heldAt: "desc" }, take: 1, select: { heldAt: true } },
    },
  });
  return consultationReminders(
    cases.map(({ consultations, ...course }) => ({ ...course, lastConsultationAt: consultations[0]?.heldAt ?? null })),
    weeks,
    now,
  );
}

async function finalNoteDrafts(db: PrismaClient, clock: ClockSettings, now: Date): Promise<AlertDraft[]> {
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

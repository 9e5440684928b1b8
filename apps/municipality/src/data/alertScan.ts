import type { AlertDraft } from "@samraad/alerts";
import { addCalendarDays, type ClockSettings, subtractSpan } from "@samraad/clocks";
import { ALERT_LOOKBACK_DAYS, type FollowUpCase, followUpAlerts } from "../domain/alerts.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { FollowUpFactSource } from "./followUpFacts.ts";

/**
 * The municipality's alert scan: the notes whose 6-month follow-up is due within the warning
 * span or ran out within the look-back (facts from the børnehus, through the gateway), against
 * the municipality's own referrals, measures, responses and caseworkers.
 */
export async function scanMunicipalityAlerts(
  db: PrismaClient,
  clock: ClockSettings,
  now: Date,
  facts: FollowUpFactSource,
): Promise<AlertDraft[]> {
  const definition = clock.definitions.FOLLOW_UP;
  const dueNow = subtractSpan(now, definition.deadline);
  // Generous bounds; the clock itself decides (DUE_SOON is at most 60 days, the look-back 30).
  const found = await facts(addCalendarDays(dueNow, -(ALERT_LOOKBACK_DAYS + 1)), addCalendarDays(dueNow, 62));
  if (found.length === 0) return [];
  const referrals = await db.referral.findMany({
    where: { caseId: { in: found.map((f) => f.caseId) } },
    include: {
      caseworkerAssignments: { where: { OR: [{ to: null }, { to: { gt: now } }] } },
      recommendationResponses: true,
      measures: true,
    },
  });
  const cases = new Map<string, FollowUpCase>(
    referrals.map((r) => [
      r.caseId,
      { referral: r, assignments: r.caseworkerAssignments, responses: r.recommendationResponses, measures: r.measures },
    ]),
  );
  return followUpAlerts(found, cases, definition, now);
}

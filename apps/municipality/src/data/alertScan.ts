import type { AlertDraft } from "@samraad/alerts";
import { addCalendarDays, type ClockSettings, subtractSpan } from "@samraad/clocks";
import {
  ALERT_LOOKBACK_DAYS,
  type CaseworkerChange,
  caseworkerChangedAlerts,
  type FollowUpCase,
  followUpAlerts,
} from "../domain/alerts.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { CourseStatusSource, FollowUpFactSource } from "./followUpFacts.ts";

/**
 * The municipality's alert scan: the notes whose 6-month follow-up is due within the warning
 * span or ran out within the look-back (facts from the børnehus, through the gateway), against
 * the municipality's own referrals, measures, responses and caseworkers; and, with `courses`, the
 * changes of caseworker within the look-back whose course was open (CASEWORKER_CHANGED).
 */
export async function scanMunicipalityAlerts(
  db: PrismaClient,
  clock: ClockSettings,
  now: Date,
  facts: FollowUpFactSource,
  courses?: CourseStatusSource,
): Promise<AlertDraft[]> {
  const [followUps, changes] = await Promise.all([
    followUpDrafts(db, clock, now, facts),
    courses ? caseworkerChangeDrafts(db, now, courses) : [],
  ]);
  return [...followUps, ...changes];
}

/** The assignments that took a case over (not a case's first) within the look-back, against the courses' status. */
async function caseworkerChangeDrafts(db: PrismaClient, now: Date, courses: CourseStatusSource): Promise<AlertDraft[]> {
  const recent = await db.caseworkerAssignment.findMany({
    where: { from: { gte: addCalendarDays(now, -(ALERT_LOOKBACK_DAYS + 1)), lte: now } },
    include: { referral: { select: { municipalityCode: true } } },
  });
  if (recent.length === 0) return [];
  // A case's first assignment is no change: keep those with an earlier assignment of the same case.
  const earlier = await db.caseworkerAssignment.findMany({
    where: { caseId: { in: [...new Set(recent.map((a) => a.caseId))] } },
    select: { caseId: true, from: true },
  });
  const changes: CaseworkerChange[] = recent
    .filter((a) => earlier.some((e) => e.caseId === a.caseId && e.from.getTime() < a.from.getTime()))
    .map(({ referral, ...assignment }) => ({ assignment, municipalityCode: referral.municipalityCode }));
  if (changes.length === 0) return [];
  const statuses = await courses([...new Set(changes.map((c) => c.assignment.caseId))]);
  return caseworkerChangedAlerts(changes, statuses, now);
}

async function followUpDrafts(db: PrismaClient, clock: ClockSettings, now: Date, facts: FollowUpFactSource): Promise<AlertDraft[]> {
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

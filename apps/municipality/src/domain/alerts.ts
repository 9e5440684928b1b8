import type { AlertDraft, AlertView } from "@samraad/alerts";
import { type ClockDefinition, computeClock } from "@samraad/clocks";
import type { Context } from "../context.ts";
import { casesCurrentlyHeldBy, casesOfMunicipality } from "../data/alertVisibility.ts";
import type { CaseworkerAssignmentRow, MeasureRow, RecommendationResponseRow, ReferralRow } from "../data/rows.ts";
import { followUpMetAt } from "./clocks.ts";

/** An overdue step older than this is history for the statistics, not an alert. */
export const ALERT_LOOKBACK_DAYS = 30;

/** What the børnehus tells the municipality's alert worker about one sent final note (through the gateway). */
export interface FollowUpFact {
  caseId: string;
  finalNoteSentAt: Date;
  recommendationIds: string[];
}

export interface FollowUpCase {
  referral: ReferralRow;
  assignments: CaseworkerAssignmentRow[];
  responses: RecommendationResponseRow[];
  measures: MeasureRow[];
}

/**
 * FOLLOW_UP_DUE: the 6-month follow-up of the recommended support is coming due (the FOLLOW_UP
 * clock is DUE_SOON or OVERDUE) and the municipality has decided no measure for any of the
 * note's recommendations. For each current caseworker of the municipality that owns the referral.
 */
export function followUpAlerts(
  facts: FollowUpFact[],
  cases: Map<string, FollowUpCase>,
  definition: ClockDefinition,
  now: Date,
): AlertDraft[] {
  return facts.flatMap((fact) => {
    const own = cases.get(fact.caseId);
    if (!own || fact.recommendationIds.length === 0) return [];
    const wanted = new Set(fact.recommendationIds);
    const measureIds = new Set(own.measures.map((m) => m.id));
    const decided = own.responses.some(
      (r) => wanted.has(r.recommendationId) && r.response === "MEASURE" && r.measureId !== null && measureIds.has(r.measureId),
    );
    if (decided) return [];
    const metAt = followUpMetAt(fact.finalNoteSentAt, fact.recommendationIds, own.responses, own.measures);
    const clock = computeClock(definition, { startedAt: fact.finalNoteSentAt, metAt }, now);
    if (clock.status !== "DUE_SOON" && clock.status !== "OVERDUE") return [];
    if (now.getTime() - clock.dueAt.getTime() > ALERT_LOOKBACK_DAYS * 86_400_000) return [];
    return own.assignments
      .filter((a) => a.to === null || a.to.getTime() > now.getTime())
      .filter((a) => a.from.getTime() <= now.getTime())
      .map((a) => ({
        kind: "FOLLOW_UP_DUE",
        caseId: fact.caseId,
        subjectId: fact.caseId,
        dueAt: clock.dueAt,
        sector: "MUNICIPALITY",
        organisation: own.referral.municipalityCode,
        recipient: { sub: a.caseworkerSub },
      }));
  });
}

/** What the børnehus tells the municipality's alert worker about a course: closed since when, or open (null). */
export interface CourseStatusFact {
  caseId: string;
  closedAt: Date | null;
}

/** An assignment that took over a case from an earlier caseworker, with the referral it belongs to. */
export interface CaseworkerChange {
  assignment: CaseworkerAssignmentRow;
  municipalityCode: string;
}

export const CASEWORKER_CHANGED = "CASEWORKER_CHANGED";

/**
 * CASEWORKER_CHANGED: the caseworker of a case changed while its børnehus course was open (the
 * course not closed at the moment the new caseworker took over). The seed analysis finds that
 * changes of caseworker along the way are one reason why recommended support is not given, so
 * the municipality's leaders are told of each one (recipient: the role, not a person). One alert
 * per change (the new assignment is the subject); a change older than the look-back is history.
 * A course the børnehus does not answer for is not known to be open: no alert.
 */
export function caseworkerChangedAlerts(changes: CaseworkerChange[], statuses: CourseStatusFact[], now: Date): AlertDraft[] {
  const closedAt = new Map(statuses.map((s) => [s.caseId, s.closedAt]));
  return changes.flatMap(({ assignment, municipalityCode }) => {
    if (!closedAt.has(assignment.caseId)) return [];
    const closed = closedAt.get(assignment.caseId) ?? null;
    const from = assignment.from.getTime();
    if (from > now.getTime() || now.getTime() - from > ALERT_LOOKBACK_DAYS * 86_400_000) return [];
    if (closed !== null && closed.getTime() <= from) return [];
    return [
      {
        kind: CASEWORKER_CHANGED,
        caseId: assignment.caseId,
        subjectId: assignment.id,
        dueAt: assignment.from,
        sector: "MUNICIPALITY",
        organisation: municipalityCode,
        recipient: { roles: ["leader"] },
      },
    ];
  });
}

/**
 * The municipality's own row rule, re-checked on every read: an alert is for the case's current
 * caseworkers in the municipality that owns the referral, so a caseworker who has handed the case
 * on no longer sees it. A change of caseworker (CASEWORKER_CHANGED) is for the leaders of the
 * municipality that owns the referral, who need not take part in the case.
 */
export async function visibleAlerts(ctx: Context, list: AlertView[]): Promise<AlertView[]> {
  if (list.length === 0) return list;
  const caseIds = [...new Set(list.map((a) => a.caseId))];
  const who = { sub: ctx.principal.sub, municipalityCode: ctx.principal.organisation };
  const held = await casesCurrentlyHeldBy(ctx.db, caseIds, who, ctx.clock.now());
  const led = ctx.principal.roles.includes("leader") ? await casesOfMunicipality(ctx.db, caseIds, who.municipalityCode) : new Set<string>();
  return list.filter((a) => (a.kind === CASEWORKER_CHANGED ? led.has(a.caseId) : held.has(a.caseId)));
}

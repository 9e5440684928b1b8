import { type Clock, type ClockDefinition, type ClockKind, computeClock } from "@samraad/clocks";
import type { ChildAssessmentRow, MeasureRow, NotificationRow, RecommendationResponseRow, ReferralRow } from "../data/rows.ts";
import { assessmentForReferral } from "./childAssessment.ts";

/** What the børnehus tells the municipality about the case (@requires), all SAMRAAD. */
export interface HubFacts {
  finalNoteSentAt: Date | null;
  recommendationIds: string[];
}

export interface MunicipalityCaseFacts {
  referral: ReferralRow;
  /** Every referral of the child, to tell which notifications belong to this case. */
  referralsOfChild: ReferralRow[];
  notifications: NotificationRow[];
  assessments: ChildAssessmentRow[];
  measures: MeasureRow[];
  responses: RecommendationResponseRow[];
  hub: HubFacts;
}

/**
 * The notifications that belong to a referral: those received after the child's previous
 * referral and up to this one; the child's latest referral also takes the later ones.
 */
export function notificationsForReferral(notifications: NotificationRow[], referrals: ReferralRow[], referral: ReferralRow) {
  const sorted = [...referrals].sort((a, b) => a.referredAt.getTime() - b.referredAt.getTime());
  const index = sorted.findIndex((r) => r.id === referral.id);
  const after = index > 0 ? (sorted[index - 1] as ReferralRow).referredAt.getTime() : Number.NEGATIVE_INFINITY;
  const until = index >= 0 && index < sorted.length - 1 ? referral.referredAt.getTime() : Number.POSITIVE_INFINITY;
  return notifications.filter((n) => n.receivedAt.getTime() > after && n.receivedAt.getTime() <= until);
}

/**
 * The follow-up is met when a measure that answers a recommendation (response MEASURE) has
 * started; a measure already running when the note was sent meets it at the note (it continues).
 */
export function followUpMetAt(sentAt: Date, recommendationIds: string[], responses: RecommendationResponseRow[], measures: MeasureRow[]) {
  const wanted = new Set(recommendationIds);
  const measureIds = new Set(responses.filter((r) => wanted.has(r.recommendationId) && r.response === "MEASURE").map((r) => r.measureId));
  const starts = measures
    .filter((m) => measureIds.has(m.id) && m.startedAt !== null)
    .map((m) => Math.max(sentAt.getTime(), (m.startedAt as Date).getTime()));
  return starts.length > 0 ? new Date(Math.min(...starts)) : null;
}

/** The municipality's clocks of one case, at `now`. A clock appears once its start has happened. */
export function municipalityClocks(facts: MunicipalityCaseFacts, definitions: Record<ClockKind, ClockDefinition>, now: Date): Clock[] {
  const clocks: Clock[] = [];
  for (const n of notificationsForReferral(facts.notifications, facts.referralsOfChild, facts.referral)) {
    clocks.push(computeClock(definitions.NOTIFICATION_ASSESSMENT, { startedAt: n.receivedAt, metAt: n.assessedAt, subjectId: n.id }, now));
  }
  const assessment = assessmentForReferral(facts.assessments, facts.referral.referredAt);
  if (assessment) {
    clocks.push(
      computeClock(definitions.BFU, { startedAt: assessment.decidedAt, metAt: assessment.completedAt, subjectId: assessment.id }, now),
    );
  }
  const sentAt = facts.hub.finalNoteSentAt;
  if (sentAt && facts.hub.recommendationIds.length > 0) {
    const answered = new Map(facts.responses.map((r) => [r.recommendationId, r.respondedAt]));
    for (const id of facts.hub.recommendationIds) {
      clocks.push(
        computeClock(definitions.RECOMMENDATION_ANSWER, { startedAt: sentAt, metAt: answered.get(id) ?? null, subjectId: id }, now),
      );
    }
    const metAt = followUpMetAt(sentAt, facts.hub.recommendationIds, facts.responses, facts.measures);
    clocks.push(computeClock(definitions.FOLLOW_UP, { startedAt: sentAt, metAt }, now));
  }
  return clocks;
}

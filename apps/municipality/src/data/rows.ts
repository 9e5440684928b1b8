import type {
  CaseworkerAssignment,
  Child,
  ChildAssessment,
  CustodyHolder,
  Measure,
  MotivationRecord,
  Notification,
  RecommendationResponse,
  Referral,
} from "../generated/prisma/client.ts";

// The shapes resolvers pass around: Prisma rows, plus the federation references.
export type ChildRow = Child;
export type CustodyHolderRow = CustodyHolder;
export type NotificationRow = Notification;
export type ChildAssessmentRow = ChildAssessment;
export type ReferralRow = Referral;
export type CaseworkerAssignmentRow = CaseworkerAssignment;
export type MeasureRow = Measure;
export type RecommendationResponseRow = RecommendationResponse;
/**
 * A BoernehusCase (owned by the børnehus subgraph), known here by its id = Referral.caseId,
 * as the query plan sends it: with the børnehus subgraph's access grant (@requires).
 */
export type CaseRef = {
  id: string;
  accessGrant?: string | null;
  /** SAMRAAD facts from the børnehus for the municipality's clocks (@requires), as the plan sends them: JSON. */
  finalNoteSentAt?: string | null;
  recommendationIds?: string[] | null;
  /** When the børnehus's assessment began (@requires, JSON): the developments run from it. */
  assessmentStartedAt?: string | null;
};
/** A Recommendation (owned by the børnehus subgraph), known here by its id, with the grant for its case (@requires). */
export type RecommendationRef = { id: string; accessGrant?: string | null };
export type MotivationRecordRow = MotivationRecord;

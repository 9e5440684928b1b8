import type {
  CaseworkerAssignment,
  Child,
  ChildAssessment,
  CustodyHolder,
  Measure,
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
/** A BoernehusCase (owned by the børnehus subgraph), known here by its id = Referral.caseId. */
export type CaseRef = { id: string };
/** A Recommendation (owned by the børnehus subgraph), known here by its id. */
export type RecommendationRef = { id: string };

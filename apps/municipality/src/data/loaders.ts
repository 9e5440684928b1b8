import { firstBy, groupBy, isUuid } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type {
  CaseworkerAssignmentRow,
  ChildAssessmentRow,
  ChildRow,
  CustodyHolderRow,
  MeasureRow,
  NotificationRow,
  RecommendationResponseRow,
  ReferralRow,
} from "./rows.ts";

/** Only UUIDs can match a row; anything else must not reach SQL as a uuid parameter. */
const uuids = (keys: readonly string[]) => keys.filter(isUuid);

/**
 * Per-request batching: N cases, children or recommendations in one query plan step
 * cost one SQL statement per kind of record, not N (no N+1 through `_entities`).
 */
export function createLoaders(db: PrismaClient) {
  const one = <T>(find: (ids: string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
    new DataLoader<string, T | null>(async (keys) => firstBy(keys, await find(uuids(keys)), keyOf));
  const many = <T>(find: (ids: string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
    new DataLoader<string, T[]>(async (keys) => groupBy(keys, await find(uuids(keys)), keyOf));

  return {
    childById: one<ChildRow>(
      (ids) => db.child.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    custodyHoldersByChildId: many<CustodyHolderRow>(
      (ids) => db.custodyHolder.findMany({ where: { childId: { in: ids } }, orderBy: { createdAt: "asc" } }),
      (r) => r.childId,
    ),
    notificationsByChildId: many<NotificationRow>(
      (ids) => db.notification.findMany({ where: { childId: { in: ids } }, orderBy: { receivedAt: "asc" } }),
      (r) => r.childId,
    ),
    assessmentsByChildId: many<ChildAssessmentRow>(
      (ids) => db.childAssessment.findMany({ where: { childId: { in: ids } }, orderBy: { decidedAt: "asc" } }),
      (r) => r.childId,
    ),
    referralById: one<ReferralRow>(
      (ids) => db.referral.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    referralByCaseId: one<ReferralRow>(
      (ids) => db.referral.findMany({ where: { caseId: { in: ids } } }),
      (r) => r.caseId,
    ),
    referralsByChildId: many<ReferralRow>(
      (ids) => db.referral.findMany({ where: { childId: { in: ids } }, orderBy: { referredAt: "asc" } }),
      (r) => r.childId,
    ),
    assignmentsByCaseId: many<CaseworkerAssignmentRow>(
      (ids) => db.caseworkerAssignment.findMany({ where: { caseId: { in: ids } }, orderBy: [{ from: "asc" }, { createdAt: "asc" }] }),
      (r) => r.caseId,
    ),
    measureById: one<MeasureRow>(
      (ids) => db.measure.findMany({ where: { id: { in: ids } } }),
      (r) => r.id,
    ),
    measuresByCaseId: many<MeasureRow>(
      (ids) => db.measure.findMany({ where: { caseId: { in: ids } }, orderBy: [{ decidedAt: "asc" }, { createdAt: "asc" }] }),
      (r) => r.caseId,
    ),
    responsesByCaseId: many<RecommendationResponseRow>(
      (ids) => db.recommendationResponse.findMany({ where: { caseId: { in: ids } }, orderBy: { respondedAt: "asc" } }),
      (r) => r.caseId,
    ),
    responseByRecommendationId: one<RecommendationResponseRow>(
      (ids) => db.recommendationResponse.findMany({ where: { recommendationId: { in: ids } } }),
      (r) => r.recommendationId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

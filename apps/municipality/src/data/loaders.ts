import { firstBy, groupBy, isUuid } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { Db } from "./client.ts";
import type {
  CaseworkerAssignmentRow,
  ChildAssessmentRow,
  ChildRow,
  CustodyHolderRow,
  MeasureRow,
  MotivationRecordRow,
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
export function createLoaders(db: Db) {
  const one = <T>(find: (ids: string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
    new DataLoader<string, T | null>(async (keys) => firstBy(keys, await find(uuids(keys)), keyOf));
  const many = <T>(find: (ids: string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
    new DataLoader<string, T[]>(async (keys) => groupBy(keys, await find(uuids(keys)), keyOf));

  return {
    childById: one<ChildRow>(
      (ids) => db.keyed.rows<ChildRow>("Child", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    custodyHoldersByChildId: many<CustodyHolderRow>(
      (ids) => db.keyed.rows<CustodyHolderRow>("CustodyHolder", { key: "childId", keys: ids, orderBy: [["createdAt", "asc"]] }),
      (r) => r.childId,
    ),
    notificationsByChildId: many<NotificationRow>(
      (ids) => db.keyed.rows<NotificationRow>("Notification", { key: "childId", keys: ids, orderBy: [["receivedAt", "asc"]] }),
      (r) => r.childId,
    ),
    assessmentsByChildId: many<ChildAssessmentRow>(
      (ids) => db.keyed.rows<ChildAssessmentRow>("ChildAssessment", { key: "childId", keys: ids, orderBy: [["decidedAt", "asc"]] }),
      (r) => r.childId,
    ),
    referralById: one<ReferralRow>(
      (ids) => db.keyed.rows<ReferralRow>("Referral", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    referralByCaseId: one<ReferralRow>(
      (ids) => db.keyed.rows<ReferralRow>("Referral", { key: "caseId", keys: ids }),
      (r) => r.caseId,
    ),
    referralsByChildId: many<ReferralRow>(
      (ids) => db.keyed.rows<ReferralRow>("Referral", { key: "childId", keys: ids, orderBy: [["referredAt", "asc"]] }),
      (r) => r.childId,
    ),
    assignmentsByCaseId: many<CaseworkerAssignmentRow>(
      (ids) =>
        db.keyed.rows<CaseworkerAssignmentRow>("CaseworkerAssignment", {
          key: "caseId",
          keys: ids,
          orderBy: [
            ["from", "asc"],
            ["createdAt", "asc"],
          ],
        }),
      (r) => r.caseId,
    ),
    measureById: one<MeasureRow>(
      (ids) => db.keyed.rows<MeasureRow>("Measure", { key: "id", keys: ids }),
      (r) => r.id,
    ),
    measuresByCaseId: many<MeasureRow>(
      (ids) =>
        db.keyed.rows<MeasureRow>("Measure", {
          key: "caseId",
          keys: ids,
          orderBy: [
            ["decidedAt", "asc"],
            ["createdAt", "asc"],
          ],
        }),
      (r) => r.caseId,
    ),
    responsesByCaseId: many<RecommendationResponseRow>(
      (ids) =>
        db.keyed.rows<RecommendationResponseRow>("RecommendationResponse", { key: "caseId", keys: ids, orderBy: [["respondedAt", "asc"]] }),
      (r) => r.caseId,
    ),
    responseByRecommendationId: one<RecommendationResponseRow>(
      (ids) => db.keyed.rows<RecommendationResponseRow>("RecommendationResponse", { key: "recommendationId", keys: ids }),
      (r) => r.recommendationId,
    ),
    // In the course's order: the set point enum is declared in that order.
    motivationRecordsByCaseId: many<MotivationRecordRow>(
      (ids) => db.keyed.rows<MotivationRecordRow>("MotivationRecord", { key: "caseId", keys: ids, orderBy: [["setPoint", "asc"]] }),
      (r) => r.caseId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

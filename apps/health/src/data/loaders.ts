import { firstBy, groupBy, isUuid } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { Db } from "./client.ts";
import type { MedicalExaminationRow, OnwardReferralRow } from "./rows.ts";

/**
 * Per-request batching: N cases or N examinations in one query plan step cost one
 * SQL statement each, not N (no N+1 through `_entities`). Keys that are not UUIDs
 * cannot match and are kept out of the statement (they answer null / []).
 */
export function createLoaders(db: Db) {
  // PostgreSQL prints uuids in lower case: answer an upper-case key all the same.
  const lower = (keys: readonly string[]) => keys.map((k) => k.toLowerCase());
  const uuids = (keys: readonly string[]) => lower(keys).filter(isUuid);
  return {
    examinationById: new DataLoader<string, MedicalExaminationRow | null>(async (ids) =>
      firstBy(lower(ids), await db.keyed.rows<MedicalExaminationRow>("MedicalExamination", { key: "id", keys: uuids(ids) }), (r) => r.id),
    ),
    examinationsByCaseId: new DataLoader<string, MedicalExaminationRow[]>(async (caseIds) =>
      groupBy(
        lower(caseIds),
        await db.keyed.rows<MedicalExaminationRow>("MedicalExamination", {
          key: "caseId",
          keys: uuids(caseIds),
          orderBy: [
            ["scheduledAt", "asc"],
            ["id", "asc"],
          ],
        }),
        (r) => r.caseId,
      ),
    ),
    referralsByCaseId: new DataLoader<string, OnwardReferralRow[]>(async (caseIds) =>
      groupBy(
        lower(caseIds),
        await db.keyed.rows<OnwardReferralRow>("OnwardReferral", {
          key: "caseId",
          keys: uuids(caseIds),
          orderBy: [
            ["referredAt", "asc"],
            ["id", "asc"],
          ],
        }),
        (r) => r.caseId,
      ),
    ),
    referralsByExaminationId: new DataLoader<string, OnwardReferralRow[]>(async (ids) =>
      groupBy(
        lower(ids),
        await db.keyed.rows<OnwardReferralRow>("OnwardReferral", {
          key: "examinationId",
          keys: uuids(ids),
          orderBy: [
            ["referredAt", "asc"],
            ["id", "asc"],
          ],
        }),
        (r) => r.examinationId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

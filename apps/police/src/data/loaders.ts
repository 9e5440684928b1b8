import { firstBy, groupBy, uuidsOnly } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { Db } from "./client.ts";
import type { PoliceReportRow, SuspectRow, VideoInterviewRow } from "./rows.ts";

/**
 * Per-request batching: N cases or N reports in one query plan step cost one SQL
 * statement each, not N (no N+1 through `_entities`).
 */
export function createLoaders(db: Db) {
  return {
    reportByCaseId: new DataLoader<string, PoliceReportRow | null>(async (caseIds) =>
      firstBy(
        caseIds,
        await db.keyed.rows<PoliceReportRow>("PoliceReport", { key: "caseId", keys: uuidsOnly(caseIds), orderBy: [["reportedAt", "asc"]] }),
        (r) => r.caseId,
      ),
    ),
    reportById: new DataLoader<string, PoliceReportRow | null>(async (ids) =>
      firstBy(ids, await db.keyed.rows<PoliceReportRow>("PoliceReport", { key: "id", keys: uuidsOnly(ids) }), (r) => r.id),
    ),
    interviewById: new DataLoader<string, VideoInterviewRow | null>(async (ids) =>
      firstBy(ids, await db.keyed.rows<VideoInterviewRow>("VideoInterview", { key: "id", keys: uuidsOnly(ids) }), (r) => r.id),
    ),
    interviewsByReportId: new DataLoader<string, VideoInterviewRow[]>(async (ids) =>
      groupBy(
        ids,
        await db.keyed.rows<VideoInterviewRow>("VideoInterview", {
          key: "policeReportId",
          keys: uuidsOnly(ids),
          orderBy: [["scheduledAt", "asc"]],
        }),
        (r) => r.policeReportId,
      ),
    ),
    suspectsByReportId: new DataLoader<string, SuspectRow[]>(async (ids) =>
      groupBy(
        ids,
        await db.keyed.rows<SuspectRow>("Suspect", { key: "policeReportId", keys: uuidsOnly(ids), orderBy: [["createdAt", "asc"]] }),
        (r) => r.policeReportId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

import { firstBy, groupBy } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { PoliceReportRow, SuspectRow, VideoInterviewRow } from "./rows.ts";

/**
 * Per-request batching: N cases or N reports in one query plan step cost one SQL
 * statement each, not N (no N+1 through `_entities`).
 */
export function createLoaders(db: PrismaClient) {
  return {
    reportByCaseId: new DataLoader<string, PoliceReportRow | null>(async (caseIds) =>
      firstBy(
        caseIds,
        await db.policeReport.findMany({ where: { caseId: { in: [...caseIds] } }, orderBy: { reportedAt: "asc" } }),
        (r) => r.caseId,
      ),
    ),
    reportById: new DataLoader<string, PoliceReportRow | null>(async (ids) =>
      firstBy(ids, await db.policeReport.findMany({ where: { id: { in: [...ids] } } }), (r) => r.id),
    ),
    interviewById: new DataLoader<string, VideoInterviewRow | null>(async (ids) =>
      firstBy(ids, await db.videoInterview.findMany({ where: { id: { in: [...ids] } } }), (r) => r.id),
    ),
    interviewsByReportId: new DataLoader<string, VideoInterviewRow[]>(async (ids) =>
      groupBy(
        ids,
        await db.videoInterview.findMany({ where: { policeReportId: { in: [...ids] } }, orderBy: { scheduledAt: "asc" } }),
        (r) => r.policeReportId,
      ),
    ),
    suspectsByReportId: new DataLoader<string, SuspectRow[]>(async (ids) =>
      groupBy(
        ids,
        await db.suspect.findMany({ where: { policeReportId: { in: [...ids] } }, orderBy: { createdAt: "asc" } }),
        (r) => r.policeReportId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

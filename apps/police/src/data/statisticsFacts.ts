import { danishDate, pseudonym } from "@samraad/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** One course's pseudonymised facts; caseId stays inside the subgraph (audit log, paging). */
export interface PoliceStatisticsFactRow {
  caseId: string;
  coursePseudonym: string;
  reportedOn: string;
  firstVideoInterviewHeldOn: string | null;
}

/** A page of reported courses in case id order (keyset): the first report and the first interview held. */
export async function statisticsFacts(db: PrismaClient, afterId: string | null, take: number): Promise<PoliceStatisticsFactRow[]> {
  const rows = await db.$queryRaw<Array<{ caseId: string; reportedAt: Date; heldAt: Date | null }>>`
    SELECT r."caseId"::text AS "caseId", min(r."reportedAt") AS "reportedAt", min(v."heldAt") AS "heldAt"
    FROM "PoliceReport" r
    LEFT JOIN "VideoInterview" v ON v."policeReportId" = r.id AND v.status = 'HELD' AND v."heldAt" IS NOT NULL
    WHERE ${afterId}::uuid IS NULL OR r."caseId" > ${afterId}::uuid
    GROUP BY r."caseId"
    ORDER BY r."caseId"
    LIMIT ${take}`;
  return rows.map((r) => ({
    caseId: r.caseId,
    coursePseudonym: pseudonym("course", r.caseId),
    reportedOn: danishDate(r.reportedAt),
    firstVideoInterviewHeldOn: danishDate(r.heldAt),
  }));
}

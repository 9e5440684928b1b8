import { danishDate, type PseudonymKey, pseudonym } from "@samraad/subgraph-kit";
import type { PoliceStatisticsFact, SuspectRelationGroup } from "../generated/graphql.ts";
import type { PrismaClient, SuspectRelation } from "../generated/prisma/client.ts";

/**
 * One course's pseudonymised facts, as the generated type (from packages/statistics-catalogue)
 * has them; caseId stays inside the subgraph (audit log, paging).
 */
export type PoliceStatisticsFactRow = Omit<PoliceStatisticsFact, "__typename"> & { caseId: string };

/**
 * The suspect's relation, coarsened before it leaves the police: the statistics service holds
 * no grant:suspect-relation, and a group is all the national report needs (docs/access.md).
 */
export const RELATION_GROUP: Record<SuspectRelation, SuspectRelationGroup> = {
  PARENT: "FAMILY",
  STEP_PARENT: "FAMILY",
  SIBLING: "FAMILY",
  OTHER_FAMILY: "FAMILY",
  KNOWN_ADULT: "KNOWN_OUTSIDE_FAMILY",
  PEER: "KNOWN_OUTSIDE_FAMILY",
  STRANGER: "STRANGER",
  UNKNOWN: "UNKNOWN",
};
const GROUP_ORDER: SuspectRelationGroup[] = ["FAMILY", "KNOWN_OUTSIDE_FAMILY", "STRANGER", "UNKNOWN"];

/**
 * A page of reported courses in case id order (keyset): the first interview held and the groups
 * of the suspects' relations (each group once, whatever the number of suspects).
 */
export async function statisticsFacts(
  db: PrismaClient,
  key: PseudonymKey | null,
  afterId: string | null,
  take: number,
): Promise<PoliceStatisticsFactRow[]> {
  const rows = await db.$queryRaw<Array<{ caseId: string; heldAt: Date | null; relations: SuspectRelation[] | null }>>`
    SELECT r."caseId"::text AS "caseId", min(v."heldAt") AS "heldAt",
      (SELECT array_agg(DISTINCT s.relation::text) FROM "Suspect" s JOIN "PoliceReport" r2 ON r2.id = s."policeReportId"
        WHERE r2."caseId" = r."caseId") AS relations
    FROM "PoliceReport" r
    LEFT JOIN "VideoInterview" v ON v."policeReportId" = r.id AND v.status = 'HELD' AND v."heldAt" IS NOT NULL
    WHERE ${afterId}::uuid IS NULL OR r."caseId" > ${afterId}::uuid
    GROUP BY r."caseId"
    ORDER BY r."caseId"
    LIMIT ${take}`;
  return rows.map((r) => {
    const groups = new Set((r.relations ?? []).map((relation) => RELATION_GROUP[relation]));
    return {
      caseId: r.caseId,
      coursePseudonym: pseudonym(key, "course", r.caseId),
      firstVideoInterviewHeldOn: danishDate(r.heldAt),
      suspectRelationGroups: GROUP_ORDER.filter((g) => groups.has(g)),
    };
  });
}

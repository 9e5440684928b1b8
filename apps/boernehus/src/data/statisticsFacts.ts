import { ageBand, danishDate, type PseudonymKey, pseudonym } from "@samraad/subgraph-kit";
import type { BoernehusStatisticsFact } from "../generated/graphql.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * One course's pseudonymised facts, as the generated type (from packages/statistics-catalogue)
 * has them; caseId stays inside the subgraph (audit log, paging).
 */
export type BoernehusStatisticsFactRow = Omit<BoernehusStatisticsFact, "__typename"> & { caseId: string };

/** A page of courses in case id order (keyset), each with what the indicators need and no more. */
export async function statisticsFacts(
  db: PrismaClient,
  key: PseudonymKey | null,
  afterId: string | null,
  take: number,
): Promise<BoernehusStatisticsFactRow[]> {
  const cases = await db.boernehusCase.findMany({
    where: afterId ? { id: { gt: afterId } } : {},
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      region: true,
      municipalityCode: true,
      type: true,
      abuseTypes: true,
      burdenLevel: true,
      childAgeAtReferral: true,
      referralReceivedAt: true,
      closedAt: true,
      meetings: { where: { status: "HELD", heldAt: { not: null } }, orderBy: { heldAt: "asc" }, take: 1, select: { heldAt: true } },
      finalNote: { select: { sentAt: true, _count: { select: { recommendations: true } } } },
    },
  });
  return cases.map((c) => {
    const sentAt = c.finalNote?.sentAt ?? null;
    return {
      caseId: c.id,
      coursePseudonym: pseudonym(key, "course", c.id),
      region: c.region,
      municipalityCode: c.municipalityCode,
      courseType: c.type,
      abuseTypes: [...c.abuseTypes].sort(),
      burdenLevel: c.burdenLevel,
      ageBand: ageBand(c.childAgeAtReferral),
      referralReceivedOn: danishDate(c.referralReceivedAt),
      firstSamraadHeldOn: danishDate(c.meetings[0]?.heldAt),
      finalNoteSentOn: danishDate(sentAt),
      recommendationCount: sentAt ? (c.finalNote?._count.recommendations ?? 0) : 0,
      closedOn: danishDate(c.closedAt),
    };
  });
}

import type { CaseFilter } from "../generated/graphql.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { CaseRow } from "./rows.ts";

/** Newest referral first; each filter matches an index on (filter, referralReceivedAt desc). */
export function listCases(
  db: PrismaClient,
  filter: CaseFilter | null | undefined,
  take: number,
  visible: Prisma.BoernehusCaseWhereInput,
): Promise<CaseRow[]> {
  return db.boernehusCase.findMany({
    where: {
      AND: [visible],
      status: filter?.status ?? undefined,
      region: filter?.region ?? undefined,
      municipalityCode: filter?.municipalityCode?.trim() || undefined,
    },
    orderBy: [{ referralReceivedAt: "desc" }, { id: "asc" }],
    take,
  });
}

/** When each of these courses of the municipality closed (null: open); others' courses are left out. */
export function courseStatusesOf(db: PrismaClient, caseIds: string[], municipalityCode: string) {
  return db.boernehusCase
    .findMany({
      where: { id: { in: caseIds }, municipalityCode },
      select: { id: true, closedAt: true },
    })
    .then((rows) => rows.map((r) => ({ caseId: r.id, closedAt: r.closedAt })));
}

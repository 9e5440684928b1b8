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

import type { Principal } from "@samraad/access";
import type { RestrictedReason } from "../domain/caseAccess.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { CaseRow } from "./rows.ts";

/** What a restricted case shows (the resolvers' shape): `caseId`, so that the audit log records which case. */
export interface RestrictedCaseRow {
  caseId: string;
  region: CaseRow["region"];
  /** YYYY-MM-DD, Danish time. */
  referralReceivedOn: string;
  reason: RestrictedReason;
}

export type RestrictedCandidate = Pick<CaseRow, "id" | "region" | "municipalityCode" | "closedAt" | "referralReceivedAt"> & {
  /** Whether the principal is (or was) a participant: 1 or 0. */
  _count: { participants: number };
};

/**
 * The cases in which someone of `organisation` takes part and that are not `visible` to the
 * principal, newest referral first: one statement (the participation count is a subquery).
 */
export function listRestrictedCandidates(
  db: PrismaClient,
  organisation: { sector: Principal["sector"]; organisation: string },
  sub: string,
  visible: Prisma.BoernehusCaseWhereInput,
  take: number,
): Promise<RestrictedCandidate[]> {
  return db.boernehusCase.findMany({
    where: {
      participants: { some: { sector: organisation.sector, organisation: organisation.organisation } },
      NOT: [visible],
    },
    select: {
      id: true,
      region: true,
      municipalityCode: true,
      closedAt: true,
      referralReceivedAt: true,
      _count: { select: { participants: { where: { sub } } } },
    },
    orderBy: [{ referralReceivedAt: "desc" }, { id: "asc" }],
    take,
  });
}

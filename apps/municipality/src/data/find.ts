import { assertUuid, notFound } from "@samraad/subgraph-kit";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ChildRow, ReferralRow } from "./rows.ts";

/** Reads inside a mutation's transaction: the record, or NOT_FOUND (ids are checked to be UUIDs first). */
export type Tx = Prisma.TransactionClient;

export async function childOrNotFound(tx: Tx, childId: string, field = "childId"): Promise<ChildRow> {
  const child = await tx.child.findUnique({ where: { id: assertUuid(childId, field) } });
  if (!child) throw notFound("The child");
  return child;
}

/** The referral that started a case: the municipality's handle on a BoernehusCase. */
export async function referralOrNotFound(tx: Tx, caseId: string): Promise<ReferralRow> {
  const referral = await tx.referral.findUnique({ where: { caseId: assertUuid(caseId, "caseId") } });
  if (!referral) throw notFound("A referral for the case");
  return referral;
}

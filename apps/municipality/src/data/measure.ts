import { isUuid } from "@samraad/subgraph-kit";
import type { MeasureKind } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { MeasureRow, ReferralRow } from "./rows.ts";

/** A measure decided for the case whose referral was found with the principal's access (find.ts). */
export function createMeasure(
  db: Tx,
  referral: ReferralRow,
  data: { kind: MeasureKind; decidedAt: Date; startedAt: Date | null },
): Promise<MeasureRow> {
  return db.measure.create({ data: { caseId: referral.caseId, ...data } });
}

/** A step (start or end) decided on `version`: a measure changed since matches nothing (optimistic lock). */
export function stepMeasure(
  db: Tx,
  measure: MeasureRow,
  version: number,
  step: { startedAt: Date } | { endedAt: Date },
): Promise<MeasureRow> {
  return db.measure.update({ where: { id: measure.id, version }, data: { ...step, version: { increment: 1 } } });
}

/** A measure of this case, or null: one of another case (or none, or no id) is not the case's to name. */
export async function measureOfCase(db: Tx, referral: ReferralRow, id: string | null | undefined): Promise<MeasureRow | null> {
  const measure = id && isUuid(id) ? await db.measure.findUnique({ where: { id: id.toLowerCase() } }) : null;
  return measure?.caseId === referral.caseId ? measure : null;
}

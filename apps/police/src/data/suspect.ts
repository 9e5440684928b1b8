import type { SuspectRelation } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { PoliceReportRow, SuspectRow } from "./rows.ts";

/** A suspect, on the report as found with the principal's access (find.ts). */
export function createSuspect(db: Tx, report: PoliceReportRow, data: { name: string; relation: SuspectRelation }): Promise<SuspectRow> {
  return db.suspect.create({ data: { policeReportId: report.id, ...data } });
}

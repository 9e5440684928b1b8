import type { CaseGrant } from "@samraad/access";
import type { InvestigationStatus } from "../generated/graphql.ts";
import type { Tx } from "./find.ts";
import type { PoliceReportRow } from "./rows.ts";

/**
 * The writes of a police report. Filing one takes the børnehus's verified write grant for the
 * case (requireWriteGrant): the report goes onto the case the grant names.
 */
export function createReport(
  db: Tx,
  grant: CaseGrant,
  data: { journalNumber: string; district: string; reportedAt: Date },
): Promise<PoliceReportRow> {
  return db.policeReport.create({ data: { caseId: grant.caseId, ...data } });
}

/** The report as found with the principal's access (find.ts), with the investigation's decision. */
export function recordDecision(
  db: Tx,
  report: PoliceReportRow,
  decision: { investigationStatus: InvestigationStatus; decidedAt: Date },
): Promise<PoliceReportRow> {
  return db.policeReport.update({ where: { id: report.id }, data: decision });
}

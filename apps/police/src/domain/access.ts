import type { Principal } from "@samraad/access";
import { forbidden } from "@samraad/subgraph-kit";
import type { PoliceReportRow } from "../data/rows.ts";

/**
 * Row level for the police's own entry points (root fields, entity references,
 * mutations): the police district that owns the report. Everyone else reaches police
 * data only through a case they may see (BoernehusCase.policeReport, with a grant).
 */
export function policeOfDistrict(principal: Principal, district: string): boolean {
  return principal.sector === "POLICE" && principal.organisation === district;
}

export function assertPoliceOfDistrict(principal: Principal, district: string): void {
  if (!policeOfDistrict(principal, district)) {
    throw forbidden(`Only the police district ${district} records this; you act for ${principal.organisation}.`);
  }
}

/** A report outside the principal's district is answered as if it did not exist. */
export function visibleReport(report: PoliceReportRow | null, principal: Principal): PoliceReportRow | null {
  return report && policeOfDistrict(principal, report.district) ? report : null;
}

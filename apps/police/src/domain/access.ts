import type { Principal } from "@samraad/access";
import { forbidden } from "@samraad/subgraph-kit";

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

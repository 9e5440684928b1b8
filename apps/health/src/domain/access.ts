import { type BoernehusRegion, HEALTH_ORGANISATION_BY_REGION, type Principal } from "@samraad/access";
import { forbidden } from "@samraad/subgraph-kit";
import type { MedicalExaminationRow } from "../data/rows.ts";

/**
 * Row level for health's own entry points (root fields, entity references, mutations):
 * health care of the region that performs the examination (its hospitalRegion, mapped to
 * the health region organisation: HOVEDSTADEN → REGION_H, ...). Everyone else reaches
 * health data only through a case they may see (BoernehusCase.medicalExaminations /
 * onwardReferrals, with the børnehus subgraph's grant).
 */
export function healthOfRegion(principal: Principal, region: BoernehusRegion): boolean {
  return principal.sector === "HEALTH" && principal.organisation === HEALTH_ORGANISATION_BY_REGION[region];
}

export function assertHealthOfRegion(principal: Principal, region: BoernehusRegion): void {
  if (!healthOfRegion(principal, region)) {
    throw forbidden(
      `Only health care of ${HEALTH_ORGANISATION_BY_REGION[region]} (region ${region}) records this; you act for ${principal.sector} ${principal.organisation}.`,
    );
  }
}

/** An examination outside the principal's region (or sector) is answered as if it did not exist. */
export function visibleExamination(exam: MedicalExaminationRow | null, principal: Principal): MedicalExaminationRow | null {
  return exam && healthOfRegion(principal, exam.hospitalRegion) ? exam : null;
}

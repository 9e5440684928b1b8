import type { Principal } from "@samraad/access";
import { forbidden } from "@samraad/subgraph-kit";

/**
 * Row level for the municipality's own entry points (root fields, references to its own
 * entities, mutations): the municipality responsible for the child (handlekommune), whose
 * organisation is its four-digit code. Everyone else, the børnehus and other municipalities
 * included, reaches municipality data only through a case they may see
 * (BoernehusCase.child/referral/..., with the børnehus subgraph's grant).
 */
export function actsFor(principal: Principal, municipalityCode: string): boolean {
  return principal.sector === "MUNICIPALITY" && principal.organisation === municipalityCode;
}

export function assertActsFor(principal: Principal, municipalityCode: string): void {
  if (!actsFor(principal, municipalityCode)) {
    throw forbidden(`You act for ${principal.organisation}; this child belongs to municipality ${municipalityCode}.`);
  }
}

/** Who may list a municipality's referrals: that municipality only. */
export function assertMayListReferrals(principal: Principal, municipalityCode: string): void {
  if (!actsFor(principal, municipalityCode)) {
    throw forbidden(`Only municipality ${municipalityCode} lists its referrals; others see a referral through the case they take part in.`);
  }
}

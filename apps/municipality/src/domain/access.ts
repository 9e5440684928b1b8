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

/**
 * A new child is registered only by the municipality responsible for it. The code is the
 * caller's own input, so saying so reveals nothing. Every other write names an existing
 * record and reaches it through the data layer's finders (data/find.ts), which answer a
 * record of another municipality NOT_FOUND, like one that does not exist.
 */
export function assertRegistersFor(principal: Principal, municipalityCode: string): void {
  if (!actsFor(principal, municipalityCode)) {
    throw forbidden(`Only the municipality responsible for the child registers it; you act for ${principal.organisation}.`);
  }
}

/** Who may list a municipality's referrals: that municipality only. */
export function assertMayListReferrals(principal: Principal, municipalityCode: string): void {
  if (!actsFor(principal, municipalityCode)) {
    throw forbidden(`Only municipality ${municipalityCode} lists its referrals; others see a referral through the case they take part in.`);
  }
}

/**
 * The børnehus a referral is addressed to receives it (docs/access-model.md, "The referral
 * hand-off"): its coordinators, its leader and its system, while the course is not yet
 * registered. After that the børnehus sees the referral through the case, with its grant.
 * Another børnehus, the police, health care and other municipalities never do.
 */
export const RECEIVING_ROLES = ["coordinator", "leader", "system"] as const;

export function mayReceiveReferrals(principal: Principal): boolean {
  return principal.sector === "BOERNEHUS" && principal.roles.some((r) => (RECEIVING_ROLES as readonly string[]).includes(r));
}

export function receivesReferral(principal: Principal, referral: { boernehusRegion: string; courseRegisteredAt: Date | null }): boolean {
  return mayReceiveReferrals(principal) && principal.organisation === referral.boernehusRegion && referral.courseRegisteredAt === null;
}

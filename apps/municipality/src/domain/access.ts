import type { Principal } from "@samraad/access";
import { forbidden } from "@samraad/subgraph-kit";

const REGIONS = ["HOVEDSTADEN", "SJAELLAND", "SYDDANMARK", "MIDTJYLLAND", "NORDJYLLAND"] as const;
type Region = (typeof REGIONS)[number];

/**
 * Row level for the municipality's own records: a municipality writes only for the
 * children it is responsible for (its organisation is its four-digit code). Read rules
 * for samråd participants live at the gateway and in the case's participation (DESIGN.md 3).
 */
export function assertActsFor(principal: Principal, municipalityCode: string): void {
  if (principal.sector !== "MUNICIPALITY" || principal.organisation !== municipalityCode) {
    throw forbidden(`You act for ${principal.organisation}; this child belongs to municipality ${municipalityCode}.`);
  }
}

/**
 * Who may list a municipality's referrals: the municipality itself (all of them), or a
 * børnehus (those referred to its region). Returns the region filter, or null for all.
 */
export function referralListScope(principal: Principal, municipalityCode: string): { boernehusRegion: Region | null } {
  if (principal.sector === "MUNICIPALITY" && principal.organisation === municipalityCode) return { boernehusRegion: null };
  const region = REGIONS.find((r) => r === principal.organisation);
  if (principal.sector === "BOERNEHUS" && region) return { boernehusRegion: region };
  throw forbidden(`Only municipality ${municipalityCode} and the børnehuse it refers to may list its referrals.`);
}

import { badInput } from "@samraad/subgraph-kit";
import type { Sector } from "../generated/graphql.ts";

/** The four sectors that take part in a samråd; the national authority never does. */
export type SamraadSector = Exclude<Sector, "NATIONAL">;

export function assertSamraadSector(sector: Sector, field: string): SamraadSector {
  if (sector === "NATIONAL") {
    throw badInput(`${field} must be MUNICIPALITY, POLICE, HEALTH or BOERNEHUS: the national authority takes no part in a samråd.`, field);
  }
  return sector;
}

export const SECTOR_NAMES: Record<Sector, string> = {
  MUNICIPALITY: "the municipality",
  POLICE: "the police",
  HEALTH: "health care",
  BOERNEHUS: "the børnehus",
  NATIONAL: "the national authority",
};

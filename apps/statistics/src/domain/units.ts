import { HEALTH_ORGANISATION_BY_REGION, type Principal } from "@samraad/access";
import { CHILDRENS_HOUSES, POLICE_DISTRICTS } from "@samraad/synthetic";
import type { StatisticsLevel } from "../generated/graphql.ts";
import type { Region } from "../generated/prisma/client.ts";

/**
 * The units statistics are reported for: the country, the five børnehuse (one per region,
 * serving the municipalities of that region) and the 98 municipalities. The hierarchy is
 * what the suppression protects against: a børnehus's figure is the sum of its
 * municipalities', the country's the sum of the børnehuse's.
 */
export interface Unit {
  level: StatisticsLevel;
  /** "DK", a region code or a municipality code. */
  code: string;
  name: string;
  /** For a municipality: its region (børnehus). */
  region?: Region;
}

export interface MunicipalityRef {
  code: string;
  name: string;
  region: Region;
}

export interface Units {
  national: Unit;
  boernehuse: Unit[];
  municipalities: Unit[];
  /** Every unit, top down. */
  all: Unit[];
}

export const unitKey = (unit: Pick<Unit, "level" | "code">): string => `${unit.level}:${unit.code}`;

export function buildUnits(municipalities: readonly MunicipalityRef[]): Units {
  const national: Unit = { level: "NATIONAL", code: "DK", name: "Hele landet" };
  const boernehuse: Unit[] = CHILDRENS_HOUSES.map((h) => ({ level: "BOERNEHUS", code: h.region, name: h.name }));
  const munis: Unit[] = [...municipalities]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((m) => ({ level: "MUNICIPALITY", code: m.code, name: m.name, region: m.region }));
  return { national, boernehuse, municipalities: munis, all: [national, ...boernehuse, ...munis] };
}

export function unitsAt(units: Units, level: StatisticsLevel): Unit[] {
  if (level === "NATIONAL") return [units.national];
  return level === "BOERNEHUS" ? units.boernehuse : units.municipalities;
}

/** Parent → children, for the suppression's sum constraints. */
export function hierarchy(units: Units): Array<{ total: Unit; parts: Unit[] }> {
  return [
    { total: units.national, parts: units.boernehuse },
    ...units.boernehuse.map((b) => ({ total: b, parts: units.municipalities.filter((m) => m.region === b.code) })),
  ];
}

const regionOfHealthOrganisation = (organisation: string): string | undefined =>
  Object.entries(HEALTH_ORGANISATION_BY_REGION).find(([, org]) => org === organisation)?.[0];

/**
 * Which units' rows a principal may see. National analysts see every unit. A leader sees the
 * country's figures and their own organisation's: a municipality its own; a børnehus (or the
 * health region serving it) its region and the region's municipalities; a police district the
 * municipalities in the district. Anyone else (who would need the statistics scope first) sees
 * only the country.
 */
export function visibleUnit(principal: Principal): (unit: Unit) => boolean {
  if (principal.sector === "NATIONAL" && principal.roles.includes("analyst")) return () => true;
  const national = (u: Unit) => u.level === "NATIONAL";
  if (!principal.roles.includes("leader")) return national;
  const org = principal.organisation;
  switch (principal.sector) {
    case "MUNICIPALITY":
      return (u) => national(u) || (u.level === "MUNICIPALITY" && u.code === org);
    case "BOERNEHUS":
    case "HEALTH": {
      const region = principal.sector === "HEALTH" ? regionOfHealthOrganisation(org) : org;
      return (u) => national(u) || (u.level === "BOERNEHUS" && u.code === region) || (u.level === "MUNICIPALITY" && u.region === region);
    }
    case "POLICE": {
      const codes = new Set(POLICE_DISTRICTS.find((d) => d.code === org)?.municipalityCodes ?? []);
      return (u) => national(u) || (u.level === "MUNICIPALITY" && codes.has(u.code));
    }
    default:
      return national;
  }
}

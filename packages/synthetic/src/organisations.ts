/**
 * The organisations of the police and health sectors, and which one serves a municipality.
 *
 * Police: Denmark's 12 police districts (politikredse), with short ASCII codes of our own
 * (Danish letters spelt out: Sydøstjylland is "SOJY"). The municipality-to-district map
 * follows the real districts as of 2024.
 * Health: one organisation per region ("REGION_H" ...); the regions run the hospitals.
 */
import type { Region } from "./model.ts";

export interface PoliceDistrict {
  code: string;
  name: string;
  /** The region where most of the district lies (Nordsjælland and Bornholm: Hovedstaden). */
  region: Region;
  municipalityCodes: readonly string[];
}

export const POLICE_DISTRICTS: readonly PoliceDistrict[] = [
  { code: "KBH", name: "Københavns Politi", region: "HOVEDSTADEN", municipalityCodes: ["0101", "0147", "0155", "0185"] },
  {
    code: "KBV",
    name: "Københavns Vestegns Politi",
    region: "HOVEDSTADEN",
    municipalityCodes: ["0151", "0153", "0161", "0163", "0165", "0167", "0169", "0175", "0183", "0187"],
  },
  {
    code: "NSJ",
    name: "Nordsjællands Politi",
    region: "HOVEDSTADEN",
    municipalityCodes: ["0157", "0159", "0173", "0190", "0201", "0210", "0217", "0219", "0223", "0230", "0240", "0250", "0260", "0270"],
  },
  { code: "BORN", name: "Bornholms Politi", region: "HOVEDSTADEN", municipalityCodes: ["0400"] },
  {
    code: "MVSJ",
    name: "Midt- og Vestsjællands Politi",
    region: "SJAELLAND",
    municipalityCodes: ["0253", "0265", "0269", "0306", "0316", "0326", "0329", "0330", "0340", "0350"],
  },
  {
    code: "SSJL",
    name: "Sydsjællands og Lolland-Falsters Politi",
    region: "SJAELLAND",
    municipalityCodes: ["0259", "0320", "0336", "0360", "0370", "0376", "0390"],
  },
  {
    code: "FYN",
    name: "Fyns Politi",
    region: "SYDDANMARK",
    municipalityCodes: ["0410", "0420", "0430", "0440", "0450", "0461", "0479", "0480", "0482", "0492"],
  },
  {
    code: "SJYL",
    name: "Syd- og Sønderjyllands Politi",
    region: "SYDDANMARK",
    municipalityCodes: ["0510", "0540", "0550", "0561", "0563", "0573", "0575", "0580"],
  },
  {
    code: "SOJY",
    name: "Sydøstjyllands Politi",
    region: "SYDDANMARK",
    municipalityCodes: ["0530", "0607", "0615", "0621", "0630", "0766"],
  },
  {
    code: "OJYL",
    name: "Østjyllands Politi",
    region: "MIDTJYLLAND",
    municipalityCodes: ["0706", "0707", "0710", "0727", "0730", "0741", "0746", "0751"],
  },
  {
    code: "MVJY",
    name: "Midt- og Vestjyllands Politi",
    region: "MIDTJYLLAND",
    municipalityCodes: ["0657", "0661", "0665", "0671", "0740", "0756", "0760", "0773", "0779", "0787", "0791"],
  },
  {
    code: "NJYL",
    name: "Nordjyllands Politi",
    region: "NORDJYLLAND",
    municipalityCodes: ["0810", "0813", "0820", "0825", "0840", "0846", "0849", "0851", "0860"],
  },
];

const DISTRICT_BY_MUNICIPALITY = new Map<string, PoliceDistrict>(
  POLICE_DISTRICTS.flatMap((d) => d.municipalityCodes.map((code) => [code, d] as const)),
);

/** The police district that serves a municipality. */
export function policeDistrictFor(municipalityCode: string): PoliceDistrict {
  const district = DISTRICT_BY_MUNICIPALITY.get(municipalityCode);
  if (!district) throw new Error(`no police district for municipality ${municipalityCode}`);
  return district;
}

export function policeDistrictByCode(code: string): PoliceDistrict | undefined {
  return POLICE_DISTRICTS.find((d) => d.code === code);
}

export interface HealthRegion {
  /** The health organisation code used in principals, e.g. "REGION_H". */
  code: string;
  name: string;
  region: Region;
}

export const HEALTH_REGIONS: readonly HealthRegion[] = [
  { code: "REGION_H", name: "Region Hovedstaden", region: "HOVEDSTADEN" },
  { code: "REGION_SJ", name: "Region Sjælland", region: "SJAELLAND" },
  { code: "REGION_SD", name: "Region Syddanmark", region: "SYDDANMARK" },
  { code: "REGION_M", name: "Region Midtjylland", region: "MIDTJYLLAND" },
  { code: "REGION_N", name: "Region Nordjylland", region: "NORDJYLLAND" },
];

export function healthOrganisationFor(region: Region): string {
  const found = HEALTH_REGIONS.find((h) => h.region === region);
  if (!found) throw new Error(`no health region for ${region}`);
  return found.code;
}

/**
 * Forensic examinations are done by the three forensic institutes (København, Odense,
 * Aarhus), so a child from Sjælland is examined in Hovedstaden and one from Nordjylland in
 * Midtjylland. Other examinations happen in the child's own region.
 */
export function forensicRegionFor(region: Region): Region {
  if (region === "SJAELLAND") return "HOVEDSTADEN";
  if (region === "NORDJYLLAND") return "MIDTJYLLAND";
  return region;
}

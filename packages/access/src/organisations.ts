/**
 * Organisation codes the access rules compare. A principal's `organisation` is one of
 * these, depending on its sector: a municipality code ("0101"), a police district
 * ("KBH"), a health region ("REGION_H"), a børnehus region ("HOVEDSTADEN"), or the
 * national authority ("SBST").
 */
export const BOERNEHUS_REGIONS = ["HOVEDSTADEN", "SJAELLAND", "SYDDANMARK", "MIDTJYLLAND", "NORDJYLLAND"] as const;
export type BoernehusRegion = (typeof BOERNEHUS_REGIONS)[number];

/** The health region organisation that serves each børnehus region. */
export const HEALTH_ORGANISATION_BY_REGION: Record<BoernehusRegion, string> = {
  HOVEDSTADEN: "REGION_H",
  SJAELLAND: "REGION_SJ",
  SYDDANMARK: "REGION_SD",
  MIDTJYLLAND: "REGION_M",
  NORDJYLLAND: "REGION_N",
};

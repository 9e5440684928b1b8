/**
 * SYNTHETIC child population by municipality and age band: the denominator of "courses per
 * 1,000 children" in the demo and the tests. Made up from the approximate child counts in
 * municipalities.ts, split over three age bands with fixed national shares; NOT Danmarks
 * Statistik's figures. A production installation loads FOLK1A (population 1 January by
 * municipality and age) into the statistics service instead.
 */

import type { Region } from "./model.ts";
import { MUNICIPALITIES } from "./municipalities.ts";

export type AgeBand = "AGE_0_5" | "AGE_6_11" | "AGE_12_17";
export const AGE_BANDS: readonly AgeBand[] = ["AGE_0_5", "AGE_6_11", "AGE_12_17"];

/** Made-up shares of 0-17-year-olds per band (roughly six birth years each). */
const BAND_SHARE: Readonly<Record<AgeBand, number>> = { AGE_0_5: 0.32, AGE_6_11: 0.34, AGE_12_17: 0.34 };

export interface SyntheticPopulationRow {
  municipalityCode: string;
  municipalityName: string;
  region: Region;
  ageBand: AgeBand;
  children: number;
}

/** Every municipality × age band; the bands add up to the municipality's child count. */
export function syntheticChildPopulation(): SyntheticPopulationRow[] {
  return MUNICIPALITIES.flatMap((m) => {
    const young = Math.round(m.children * BAND_SHARE.AGE_0_5);
    const middle = Math.round(m.children * BAND_SHARE.AGE_6_11);
    const counts: Record<AgeBand, number> = { AGE_0_5: young, AGE_6_11: middle, AGE_12_17: m.children - young - middle };
    return AGE_BANDS.map((ageBand) => ({
      municipalityCode: m.code,
      municipalityName: m.name,
      region: m.region,
      ageBand,
      children: counts[ageBand],
    }));
  });
}

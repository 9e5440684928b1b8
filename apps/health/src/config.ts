import { z } from "@samraad/config";
import { refineSubgraphVariables, type SectorConfig, sectorSettings, sectorVariables } from "@samraad/subgraph-kit";

/** The health subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const healthEnvironment = z
  .object(sectorVariables("HEALTH", 4003))
  .superRefine(refineSubgraphVariables)
  .transform((vars): HealthConfig => sectorSettings(vars, "HEALTH"));

/** Health has no variables of its own. */
export type HealthConfig = SectorConfig;

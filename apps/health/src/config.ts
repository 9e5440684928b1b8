import { env, z } from "@samraad/config";
import {
  refineSubgraphVariables,
  SECTOR_VARIABLES,
  SUBGRAPH_VARIABLES,
  type SubgraphConfig,
  subgraphSettings,
} from "@samraad/subgraph-kit";

/** The health subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const healthEnvironment = z
  .object({
    ...SUBGRAPH_VARIABLES,
    ...SECTOR_VARIABLES,
    HEALTH_HOST: env.host,
    HEALTH_PORT: env.port(4003),
    HEALTH_DATABASE_URL: env.databaseUrl,
  })
  .superRefine(refineSubgraphVariables)
  .transform(
    (vars): HealthConfig => ({
      ...subgraphSettings(vars, { host: vars.HEALTH_HOST, port: vars.HEALTH_PORT, databaseUrl: vars.HEALTH_DATABASE_URL }),
    }),
  );

/** Health has no variables of its own. */
export type HealthConfig = SubgraphConfig;

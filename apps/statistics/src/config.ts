import { env, z } from "@samraad/config";
import { refineSubgraphVariables, SUBGRAPH_VARIABLES, type SubgraphConfig, subgraphSettings } from "@samraad/subgraph-kit";

/** The statistics subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const statisticsEnvironment = z
  .object({
    ...SUBGRAPH_VARIABLES,
    STATISTICS_HOST: env.host,
    STATISTICS_PORT: env.port(4005),
    STATISTICS_DATABASE_URL: env.databaseUrl,
    SAMRAAD_STATISTICS_EXTRACT_MINUTES: env.everyMinutes(null, { zeroTurnsOff: true }),
    SAMRAAD_GATEWAY_URL: env.httpUrl,
    SAMRAAD_STATISTICS_TOKEN_URL: env.httpUrl,
  })
  .superRefine(refineSubgraphVariables)
  .transform(
    (vars): StatisticsConfig => ({
      ...subgraphSettings(vars, { host: vars.STATISTICS_HOST, port: vars.STATISTICS_PORT, databaseUrl: vars.STATISTICS_DATABASE_URL }),
      extractEveryMs: vars.SAMRAAD_STATISTICS_EXTRACT_MINUTES,
      gatewayUrl: vars.SAMRAAD_GATEWAY_URL ?? "http://127.0.0.1:4000/graphql",
    }),
  );

export interface StatisticsConfig extends SubgraphConfig {
  /** How often the facts are pulled through the gateway; null: never (SAMRAAD_STATISTICS_EXTRACT_MINUTES unset). */
  extractEveryMs: number | null;
  gatewayUrl: string;
}

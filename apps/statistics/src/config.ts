import type { ClientCredentials } from "@samraad/access";
import { env, z } from "@samraad/config";
import { refineSubgraphVariables, type SubgraphConfig, subgraphSettings, subgraphVariables } from "@samraad/subgraph-kit";

/** The statistics subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const statisticsEnvironment = z
  .object({
    ...subgraphVariables("STATISTICS", 4005),
    SAMRAAD_STATISTICS_EXTRACT_MINUTES: env.everyMinutes(null, { zeroTurnsOff: true }),
    SAMRAAD_GATEWAY_URL: env.httpUrl,
    SAMRAAD_STATISTICS_TOKEN_URL: env.httpUrl,
    SAMRAAD_STATISTICS_CLIENT_ID: env.text,
    SAMRAAD_STATISTICS_CLIENT_SECRET: env.text,
    SAMRAAD_STATISTICS_SCOPE: env.text,
    SAMRAAD_STATISTICS_RESOURCE: env.text,
    SAMRAAD_STATISTICS_TOKEN: env.text,
  })
  .superRefine(refineSubgraphVariables)
  .superRefine((vars, ctx) => {
    const refuse = (variable: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [variable], message });
    if (vars.SAMRAAD_STATISTICS_TOKEN_URL) {
      if (!vars.SAMRAAD_STATISTICS_CLIENT_ID)
        refuse("SAMRAAD_STATISTICS_CLIENT_ID", "must be set with SAMRAAD_STATISTICS_TOKEN_URL (the extractor's client id)");
      if (!vars.SAMRAAD_STATISTICS_CLIENT_SECRET)
        refuse("SAMRAAD_STATISTICS_CLIENT_SECRET", "must be set with SAMRAAD_STATISTICS_TOKEN_URL (the extractor's client secret)");
    } else if (vars.NODE_ENV.production && vars.SAMRAAD_STATISTICS_EXTRACT_MINUTES !== null && !vars.SAMRAAD_STATISTICS_TOKEN) {
      refuse(
        "SAMRAAD_STATISTICS_TOKEN_URL",
        "must be set in production while the extraction is on (with _CLIENT_ID and _CLIENT_SECRET; or SAMRAAD_STATISTICS_TOKEN)",
      );
    }
  })
  .transform(
    (vars): StatisticsConfig => ({
      ...subgraphSettings(vars, "STATISTICS"),
      extractEveryMs: vars.SAMRAAD_STATISTICS_EXTRACT_MINUTES,
      gatewayUrl: vars.SAMRAAD_GATEWAY_URL ?? "http://127.0.0.1:4000/graphql",
      extractor: {
        client:
          vars.SAMRAAD_STATISTICS_TOKEN_URL && vars.SAMRAAD_STATISTICS_CLIENT_ID && vars.SAMRAAD_STATISTICS_CLIENT_SECRET
            ? {
                tokenUrl: vars.SAMRAAD_STATISTICS_TOKEN_URL,
                clientId: vars.SAMRAAD_STATISTICS_CLIENT_ID,
                clientSecret: vars.SAMRAAD_STATISTICS_CLIENT_SECRET,
                scope: vars.SAMRAAD_STATISTICS_SCOPE,
                resource: vars.SAMRAAD_STATISTICS_RESOURCE,
              }
            : null,
        token: vars.SAMRAAD_STATISTICS_TOKEN,
        production: vars.NODE_ENV.production,
      },
    }),
  );

export interface StatisticsConfig extends SubgraphConfig {
  /** How often the facts are pulled through the gateway; null: never (SAMRAAD_STATISTICS_EXTRACT_MINUTES unset). */
  extractEveryMs: number | null;
  gatewayUrl: string;
  /** The extractor's token: see tokenSource. */
  extractor: ExtractorCredentials;
}

export interface ExtractorCredentials {
  /** SAMRAAD_STATISTICS_TOKEN_URL, _CLIENT_ID, _CLIENT_SECRET, _SCOPE, _RESOURCE. */
  client: ClientCredentials | null;
  /** SAMRAAD_STATISTICS_TOKEN. */
  token: string | undefined;
  production: boolean;
}

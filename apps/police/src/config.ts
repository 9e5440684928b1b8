import { type StatementKeys, statementKeys } from "@samraad/access";
import { type EndpointPolicy, endpointPolicy } from "@samraad/alerts";
import { env, z } from "@samraad/config";
import {
  ALERT_VARIABLES,
  type PseudonymKey,
  pseudonymKey,
  refineSubgraphVariables,
  SECTOR_VARIABLES,
  SUBGRAPH_VARIABLES,
  type SubgraphConfig,
  subgraphSettings,
} from "@samraad/subgraph-kit";

/** The police subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const policeEnvironment = z
  .object({
    ...SUBGRAPH_VARIABLES,
    ...SECTOR_VARIABLES,
    ...ALERT_VARIABLES,
    POLICE_HOST: env.host,
    POLICE_PORT: env.port(4002),
    POLICE_DATABASE_URL: env.databaseUrl,
    // The police read the municipality's custody statements.
    SAMRAAD_STATEMENT_PUBLIC_KEY: env.required(env.publicKeys(1), "the municipality's statement key (Ed25519 SPKI PEM)"),
  })
  .superRefine(refineSubgraphVariables)
  .transform(
    (vars): PoliceConfig => ({
      ...subgraphSettings(vars, { host: vars.POLICE_HOST, port: vars.POLICE_PORT, databaseUrl: vars.POLICE_DATABASE_URL }),
      pseudonymKey: pseudonymKey(vars.SAMRAAD_PSEUDONYM_KEY),
      statementKeys: statementKeys(vars.SAMRAAD_STATEMENT_PUBLIC_KEY[0] as string),
      alertScanEveryMs: vars.SAMRAAD_ALERT_SCAN_MINUTES as number,
      webhookEndpoints: endpointPolicy(vars.SAMRAAD_WEBHOOK_ALLOWED_NETWORKS, vars.NODE_ENV.production),
    }),
  );

export interface PoliceConfig extends SubgraphConfig {
  /** SAMRAAD_PSEUDONYM_KEY: the statistics extraction's pseudonyms and cursors; null: not configured. */
  pseudonymKey: PseudonymKey | null;
  /** The municipality's statement key: verifies its word on custody objections. */
  statementKeys: StatementKeys;
  alertScanEveryMs: number;
  /** Where webhooks may go: SAMRAAD_WEBHOOK_ALLOWED_NETWORKS (internal networks allowed), and production's https only. */
  webhookEndpoints: EndpointPolicy;
}

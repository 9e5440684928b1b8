import { type StatementKeys, statementKeys } from "@samraad/access";
import { type AlertSettings, alertSettings } from "@samraad/alerts";
import { env, z } from "@samraad/config";
import { ALERT_VARIABLES, refineSubgraphVariables, type SectorConfig, sectorSettings, sectorVariables } from "@samraad/subgraph-kit";

/** The police subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const policeEnvironment = z
  .object({
    ...sectorVariables("POLICE", 4002),
    ...ALERT_VARIABLES,
    // The police read the municipality's custody statements.
    SAMRAAD_STATEMENT_PUBLIC_KEY: env.required(env.publicKeys(1), "the municipality's statement key (Ed25519 SPKI PEM)"),
  })
  .superRefine(refineSubgraphVariables)
  .transform(
    (vars): PoliceConfig => ({
      ...sectorSettings(vars, "POLICE"),
      ...alertSettings(vars),
      statementKeys: statementKeys(vars.SAMRAAD_STATEMENT_PUBLIC_KEY[0] as string),
    }),
  );

export interface PoliceConfig extends SectorConfig, AlertSettings {
  /** The municipality's statement key: verifies its word on custody objections. */
  statementKeys: StatementKeys;
}

import { type StatementKeys, statementKeys } from "@samraad/access";
import { type AlertSettings, alertSettings } from "@samraad/alerts";
import { env, z } from "@samraad/config";
import { ALERT_VARIABLES, refineSubgraphVariables, type SectorConfig, sectorSettings, sectorVariables } from "@samraad/subgraph-kit";
import type { FollowUpSettings } from "./data/followUpFacts.ts";

/** The municipality subgraph's environment: parsed once at start-up (server.ts), typed from then on. */
export const municipalityEnvironment = z
  .object({
    ...sectorVariables("MUNICIPALITY", 4001),
    ...ALERT_VARIABLES,
    // The municipality signs statements (the referral, the custody objection).
    SAMRAAD_STATEMENT_PUBLIC_KEY: env.required(env.publicKeys(1), "the municipality's statement key (Ed25519 SPKI PEM)"),
    SAMRAAD_STATEMENT_PRIVATE_KEY: env.required(env.privateKey, "the municipality's statement signing key (Ed25519 PKCS8 PEM)"),
    SAMRAAD_RECOMMENDATION_ANSWER_DAYS: env.wholeNumber({ min: 1, max: 365, fallback: 30, expects: "a number of days from 1 to 365" }),
    SAMRAAD_GATEWAY_URL: env.httpUrl,
    SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL: env.httpUrl,
    SAMRAAD_MUNICIPALITY_ALERT_RESOURCE: env.text,
    SAMRAAD_MUNICIPALITY_ALERT_CLIENTS: env.list("client_id:client_secret pairs separated by commas", (pair) =>
      pair.indexOf(":") > 0 ? pair : undefined,
    ),
    SAMRAAD_MUNICIPALITY_ALERT_TOKENS: env.list("tokens separated by commas", (token) => token),
    SAMRAAD_MUNICIPALITY_ALERT_PERSONAS: env.list("persona ids separated by commas", (persona) => persona),
  })
  .superRefine(refineSubgraphVariables)
  .superRefine((vars, ctx) => {
    if (vars.SAMRAAD_MUNICIPALITY_ALERT_CLIENTS.length > 0 && !vars.SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL"],
        message: "must be set with SAMRAAD_MUNICIPALITY_ALERT_CLIENTS (the identity provider's token endpoint)",
      });
    }
  })
  .transform(
    (vars): MunicipalityConfig => ({
      ...sectorSettings(vars, "MUNICIPALITY"),
      ...alertSettings(vars),
      statementKeys: statementKeys(vars.SAMRAAD_STATEMENT_PUBLIC_KEY[0] as string, vars.SAMRAAD_STATEMENT_PRIVATE_KEY),
      recommendationAnswerDays: vars.SAMRAAD_RECOMMENDATION_ANSWER_DAYS,
      followUp: {
        gatewayUrl: vars.SAMRAAD_GATEWAY_URL,
        clients: vars.SAMRAAD_MUNICIPALITY_ALERT_CLIENTS.map((pair) => ({
          tokenUrl: vars.SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL as string,
          clientId: pair.slice(0, pair.indexOf(":")),
          clientSecret: pair.slice(pair.indexOf(":") + 1),
          resource: vars.SAMRAAD_MUNICIPALITY_ALERT_RESOURCE,
        })),
        tokens: vars.SAMRAAD_MUNICIPALITY_ALERT_TOKENS,
        personas:
          vars.SAMRAAD_MUNICIPALITY_ALERT_PERSONAS.length > 0 ? vars.SAMRAAD_MUNICIPALITY_ALERT_PERSONAS : ["alerts-kbh", "alerts-frb"],
        production: vars.NODE_ENV.production,
      },
    }),
  );

export interface MunicipalityConfig extends SectorConfig, AlertSettings {
  /** Its statement keys: it signs the referral, the custody objection and the developments. */
  statementKeys: Required<StatementKeys>;
  recommendationAnswerDays: number;
  /** How the alert worker reads the børnehus's follow-up facts through the gateway. */
  followUp: FollowUpSettings;
}

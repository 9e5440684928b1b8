import type { GatewayOptions } from "../gateway.ts";
import { limitsFromEnv } from "./limits.ts";
import { loadTrustedDocuments } from "./trustedDocuments.ts";

/**
 * The gateway's hardening settings from the environment (README's configuration table).
 * In production, trusted documents are not optional: without a manifest the gateway
 * refuses to start rather than accept any document from anyone.
 */
export function hardeningFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<GatewayOptions, "production" | "limits" | "rateLimitDatabaseUrl" | "trustedDocuments"> {
  const production = env.NODE_ENV === "production";
  const manifest = env.SAMRAAD_TRUSTED_DOCUMENTS;
  if (production && !manifest) {
    throw new Error(
      "Set SAMRAAD_TRUSTED_DOCUMENTS to the web app's persisted-documents.json: production accepts only registered operations.",
    );
  }
  return {
    production,
    limits: limitsFromEnv(env),
    rateLimitDatabaseUrl: env.SAMRAAD_RATE_LIMIT_DATABASE_URL || undefined,
    trustedDocuments: manifest ? loadTrustedDocuments(manifest) : undefined,
  };
}

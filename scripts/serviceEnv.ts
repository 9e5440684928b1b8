/**
 * Which keys each service gets, for `npm run dev` (and the test that proves no sector can
 * speak for another: tests/access/internalKeys.test.ts reads the police subgraph's
 * environment from here).
 *
 * - the gateway alone holds the private key it signs subgraph requests with
 *   (SAMRAAD_INTERNAL_SIGNING_KEY); every subgraph gets only its public key;
 * - the børnehus alone holds the private key of case access grants;
 * - the municipality alone holds the private key of its statements (docs/access-model.md);
 * - the sectors share the key for statistics pseudonyms; the statistics service never gets it.
 */
import { createPrivateKey, createPublicKey, randomBytes } from "node:crypto";
import { generateGrantKeyPair, generateInternalKeyPair } from "@samraad/access";

export interface RunKeys {
  internal: { privatePem: string; publicPems: string };
  grant: { privatePem: string; publicPem: string };
  /** The municipality's statements (referral, custody objection) to the børnehus and the police. */
  statement: { privatePem: string; publicPem: string };
  pseudonymKey: string;
}

export type DevService = "gateway" | "municipality" | "police" | "health" | "boernehus" | "statistics" | "web";

/** Keys made per run, unless the environment brings its own. */
export async function runKeys(env: NodeJS.ProcessEnv = process.env): Promise<RunKeys> {
  const internal = env.SAMRAAD_INTERNAL_SIGNING_KEY
    ? {
        privatePem: env.SAMRAAD_INTERNAL_SIGNING_KEY,
        // The public half of the given key, or both keys of a rotation when given.
        publicPems:
          env.SAMRAAD_INTERNAL_PUBLIC_KEYS ||
          createPublicKey(createPrivateKey(env.SAMRAAD_INTERNAL_SIGNING_KEY)).export({ format: "pem", type: "spki" }).toString(),
      }
    : (({ privatePem, publicPem }) => ({ privatePem, publicPems: publicPem }))(generateInternalKeyPair());
  const grant = env.SAMRAAD_GRANT_PUBLIC_KEY
    ? { publicPem: env.SAMRAAD_GRANT_PUBLIC_KEY, privatePem: env.SAMRAAD_GRANT_PRIVATE_KEY ?? "" }
    : await generateGrantKeyPair();
  const statement = env.SAMRAAD_STATEMENT_PUBLIC_KEY
    ? { publicPem: env.SAMRAAD_STATEMENT_PUBLIC_KEY, privatePem: env.SAMRAAD_STATEMENT_PRIVATE_KEY ?? "" }
    : await generateGrantKeyPair();
  return { internal, grant, statement, pseudonymKey: env.SAMRAAD_PSEUDONYM_KEY ?? randomBytes(32).toString("hex") };
}

/** Each service's environment: `base` (the caller's own) with only the keys that service may hold. */
export function serviceEnvs(
  keys: RunKeys,
  options: { base?: NodeJS.ProcessEnv; gatewayUrl: string },
): Record<DevService, NodeJS.ProcessEnv> {
  const common: NodeJS.ProcessEnv = {
    ...options.base,
    // Never inherited from the caller: nothing but the gateway may sign.
    SAMRAAD_INTERNAL_SECRET: "",
    SAMRAAD_INTERNAL_SIGNING_KEY: "",
    SAMRAAD_INTERNAL_PUBLIC_KEYS: keys.internal.publicPems,
    SAMRAAD_GRANT_PUBLIC_KEY: keys.grant.publicPem,
    SAMRAAD_GRANT_PRIVATE_KEY: "",
    SAMRAAD_STATEMENT_PUBLIC_KEY: keys.statement.publicPem,
    SAMRAAD_STATEMENT_PRIVATE_KEY: "",
    SAMRAAD_PSEUDONYM_KEY: keys.pseudonymKey,
    SAMRAAD_DEV_ISSUER: "",
  };
  return {
    // The development issuer runs only where asked for by name: here, in `npm run dev`.
    gateway: { ...common, SAMRAAD_INTERNAL_SIGNING_KEY: keys.internal.privatePem, SAMRAAD_PSEUDONYM_KEY: "", SAMRAAD_DEV_ISSUER: "1" },
    // The follow-up alert scan reads the børnehus's facts through the gateway.
    // The municipality alone signs its statements (referral, custody objection).
    municipality: { ...common, SAMRAAD_GATEWAY_URL: options.gatewayUrl, SAMRAAD_STATEMENT_PRIVATE_KEY: keys.statement.privatePem },
    police: common,
    health: common,
    boernehus: { ...common, SAMRAAD_GRANT_PRIVATE_KEY: keys.grant.privatePem },
    // Its own facts, refreshed through the gateway every 15 minutes.
    // The web app's dev server needs no key at all.
    // Its proxy (/graphql, /dev/) goes to the gateway wherever GATEWAY_HOST/GATEWAY_PORT put it.
    web: {
      ...common,
      SAMRAAD_INTERNAL_PUBLIC_KEYS: "",
      SAMRAAD_GRANT_PUBLIC_KEY: "",
      SAMRAAD_STATEMENT_PUBLIC_KEY: "",
      SAMRAAD_PSEUDONYM_KEY: "",
      SAMRAAD_GATEWAY_ORIGIN: options.base?.SAMRAAD_GATEWAY_ORIGIN ?? new URL(options.gatewayUrl).origin,
    },
    statistics: {
      ...common,
      SAMRAAD_PSEUDONYM_KEY: "",
      SAMRAAD_STATISTICS_EXTRACT_MINUTES: options.base?.SAMRAAD_STATISTICS_EXTRACT_MINUTES ?? "15",
      SAMRAAD_GATEWAY_URL: options.gatewayUrl,
    },
  };
}

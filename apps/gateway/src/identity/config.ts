import type { Persona } from "@samraad/synthetic";
import { AUDIENCE, createDevIssuer, DEV_ISSUER, type DevIssuer } from "./devIssuer.ts";
import { createVerifier, issuersFromEnv, type TokenVerifier } from "./verifier.ts";

/**
 * Which issuers the gateway trusts. Configured issuers (SAMRAAD_OIDC_ISSUERS) switch
 * the development issuer off for good; so does NODE_ENV=production, where having
 * no issuer configured is a start-up error rather than an open door.
 */
export async function identityFromEnv(
  personas: readonly Persona[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ verifyToken: TokenVerifier; devIssuer?: DevIssuer }> {
  const issuers = issuersFromEnv(env);
  if (issuers.length > 0) return { verifyToken: createVerifier(issuers) };
  if (env.NODE_ENV === "production") {
    throw new Error("No identity issuer configured: set SAMRAAD_OIDC_ISSUERS. The development issuer never runs in production.");
  }
  const devIssuer = await createDevIssuer(personas);
  return { verifyToken: createVerifier([{ issuer: DEV_ISSUER, audience: AUDIENCE, jwks: devIssuer.jwks }]), devIssuer };
}

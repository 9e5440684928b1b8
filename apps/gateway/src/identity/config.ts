import type { Persona } from "@samraad/synthetic";
import { createDevIssuer, type DevIssuer } from "./devIssuer.ts";
import { createVerifier, type TokenVerifier, type TrustedIssuer } from "./verifier.ts";

/** What the gateway logs at start while the development issuer is on. */
export const DEV_ISSUER_WARNING =
  "DEVELOPMENT ISSUER ON (SAMRAAD_DEV_ISSUER=1): anyone who reaches /dev/token gets a token for every demo persona. Never in a deployment.";

/**
 * Which issuers the gateway trusts, from its parsed config (src/config.ts, which refuses the
 * wrong combinations at start). Default deny: the configured issuers (SAMRAAD_OIDC_ISSUERS),
 * or the development issuer when asked for by name (SAMRAAD_DEV_ISSUER=1, which `npm run dev`
 * and the tests set), never both, never the development issuer in production; with neither,
 * the gateway does not start. NODE_ENV alone switches nothing on.
 */
export async function identity(
  personas: readonly Persona[],
  settings: { devIssuer: boolean; issuers: TrustedIssuer[] },
  warn: (message: string) => void = (message) => console.warn(JSON.stringify({ level: "warn", msg: message })),
): Promise<{ verifyToken: TokenVerifier; devIssuer?: DevIssuer }> {
  const { issuers } = settings;
  if (settings.devIssuer) {
    if (issuers.length > 0) throw new Error("SAMRAAD_DEV_ISSUER=1 and SAMRAAD_OIDC_ISSUERS are both set: choose one.");
    const devIssuer = await createDevIssuer(personas);
    warn(DEV_ISSUER_WARNING);
    return { verifyToken: createVerifier([devIssuer.trusted]), devIssuer };
  }
  if (issuers.length > 0) return { verifyToken: createVerifier(issuers) };
  throw new Error(
    "No identity issuer configured: set SAMRAAD_OIDC_ISSUERS (or SAMRAAD_DEV_ISSUER=1 for the development issuer, outside production only).",
  );
}

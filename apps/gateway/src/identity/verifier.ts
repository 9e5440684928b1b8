import type { Principal } from "@samraad/access";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import { principalFromClaims } from "./claims.ts";

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  /** A JWKS URL (OIDC discovery's jwks_uri), or the key set itself (dev issuer, tests). */
  jwks: string | { keys: object[] };
}

export type TokenVerifier = (token: string) => Promise<Principal | null>;

/**
 * Verifies bearer tokens from several issuers (KOMBIT's Context Handler for municipal
 * staff, the police IdP, the regions' IdPs...): the token's `iss` picks the issuer,
 * whose JWKS must have signed it for our audience. Anything else → null (unauthenticated).
 */
export function createVerifier(issuers: TrustedIssuer[]): TokenVerifier {
  const keySets = new Map<string, { issuer: TrustedIssuer; keys: JWTVerifyGetKey }>(
    issuers.map((i) => [
      i.issuer,
      { issuer: i, keys: typeof i.jwks === "string" ? createRemoteJWKSet(new URL(i.jwks)) : createLocalJWKSet(i.jwks as never) },
    ]),
  );
  return async (token) => {
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return null;
    }
    const trusted = iss ? keySets.get(iss) : undefined;
    if (!trusted) return null;
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer.issuer,
        audience: trusted.issuer.audience,
        algorithms: ["ES256", "RS256", "PS256", "EdDSA"],
        clockTolerance: 30,
      });
      return principalFromClaims(payload);
    } catch {
      return null;
    }
  };
}

/** SAMRAAD_OIDC_ISSUERS='[{"issuer":"https://...","audience":"samraad","jwks":"https://.../jwks"}]' */
export function issuersFromEnv(env: NodeJS.ProcessEnv = process.env): TrustedIssuer[] {
  const raw = env.SAMRAAD_OIDC_ISSUERS;
  if (!raw) return [];
  const parsed = JSON.parse(raw) as TrustedIssuer[];
  if (!Array.isArray(parsed) || parsed.some((i) => !i.issuer || !i.audience || !i.jwks)) {
    throw new Error("SAMRAAD_OIDC_ISSUERS must be a JSON array of {issuer, audience, jwks}.");
  }
  return parsed;
}

import { createHash } from "node:crypto";
import { ExpiringCache, type Principal } from "@samraad/access";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import { principalFromClaims } from "./claims.ts";

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  /** A JWKS URL (OIDC discovery's jwks_uri), or the key set itself (dev issuer, tests). */
  jwks: string | { keys: object[] };
}

export type TokenVerifier = (token: string) => Promise<Principal | null>;

export interface VerifierOptions {
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
  /** A verified token is checked again after this long at most, even if it expires later. */
  recheckAfterMs?: number;
  /** Verified tokens remembered at most (least recently used go first). */
  maxCached?: number;
}

const CLOCK_TOLERANCE_S = 30;

/**
 * Verifies bearer tokens from several issuers (KOMBIT's Context Handler for municipal
 * staff, the police IdP, the regions' IdPs...): the token's `iss` picks the issuer,
 * whose JWKS must have signed it for our audience. Anything else → null (unauthenticated).
 */
export function createVerifier(issuers: TrustedIssuer[], options: VerifierOptions = {}): TokenVerifier {
  const now = options.now ?? Date.now;
  const recheckAfterMs = options.recheckAfterMs ?? 60_000;
  const keySets = new Map<string, { issuer: TrustedIssuer; keys: JWTVerifyGetKey }>(
    issuers.map((i) => [
      i.issuer,
      { issuer: i, keys: typeof i.jwks === "string" ? createRemoteJWKSet(new URL(i.jwks)) : createLocalJWKSet(i.jwks as never) },
    ]),
  );
  // A person's web session sends the same token with every request, and checking its
  // signature is the gateway's largest fixed cost per request after execution. So a
  // verified token is remembered, keyed by its SHA-256 (the cache holds no usable
  // credential), until it expires or for `recheckAfterMs`, whichever comes first: the
  // cache never accepts a token longer than verification would, and a key the issuer
  // withdraws from its JWKS stops working within that minute. Refusals are not cached.
  const verified = new ExpiringCache<Principal>(options.maxCached);

  const verify = async (token: string): Promise<{ principal: Principal; until: number } | null> => {
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
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(now()),
      });
      const principal = principalFromClaims(payload);
      if (!principal) return null;
      // A token without `exp` is verified every time: there is no expiry to cache up to.
      const until = payload.exp === undefined ? 0 : Math.min(payload.exp * 1000, now() + recheckAfterMs);
      return { principal: deepFreeze(principal), until };
    } catch {
      return null;
    }
  };

  return async (token) => {
    const key = createHash("sha256").update(token).digest("base64url");
    const hit = verified.get(key, now());
    if (hit) return hit;
    const fresh = await verify(token);
    if (!fresh) return null;
    verified.set(key, fresh.principal, fresh.until, now());
    return fresh.principal;
  };
}

/** One principal object now serves many requests: none of them may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
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

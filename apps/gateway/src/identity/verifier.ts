import { createHash } from "node:crypto";
import { ExpiringCache, isSector, type Principal, type Sector } from "@samraad/access";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JSONWebKeySet, type JWTVerifyGetKey, jwtVerify } from "jose";
import { principalFromClaims } from "./claims.ts";

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  /** A JWKS URL (OIDC discovery's jwks_uri), or the key set itself (dev issuer, tests). */
  jwks: string | JSONWebKeySet;
  /**
   * Prefixes every principal id this issuer asserts: `<namespace>:<sub>`. Unique per issuer,
   * lower-case letters, digits and hyphens (no colon), so no issuer can assert another's ids.
   */
  namespace: string;
  /**
   * The sectors and, for each, the organisations this issuer may speak for, e.g.
   * `{"MUNICIPALITY": ["0101", "0147"]}`. A token claiming any other is refused. Default deny:
   * no wildcard; every organisation is named.
   */
  speaksFor: Partial<Record<Sector, string[]>>;
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

/** How far an issuer's clock may be from ours: `exp`, `nbf` and `iat` are checked with this much slack, no more. */
export const CLOCK_TOLERANCE_S = 30;

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
      { issuer: i, keys: typeof i.jwks === "string" ? createRemoteJWKSet(new URL(i.jwks)) : createLocalJWKSet(i.jwks) },
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
        // No token lives for ever, and none is accepted without saying whose it is.
        requiredClaims: ["exp", "sub"],
      });
      // Issued in the future: the issuer's clock is further off than we tolerate.
      if (typeof payload.iat === "number" && payload.iat * 1000 > now() + CLOCK_TOLERANCE_S * 1000) return null;
      const claimed = principalFromClaims(payload);
      if (!claimed) return null;
      // The issuer may assert only the sectors and organisations configured for it.
      if (!trusted.issuer.speaksFor[claimed.sector]?.includes(claimed.organisation)) return null;
      const principal = { ...claimed, sub: `${trusted.issuer.namespace}:${claimed.sub}` };
      const until = Math.min((payload.exp as number) * 1000, now() + recheckAfterMs);
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

const NAMESPACE = /^[a-z][a-z0-9-]{0,31}$/;

/** Checks a list of trusted issuers; throws on the first thing wrong with it (the gateway does not start). */
export function checkIssuers(issuers: TrustedIssuer[]): TrustedIssuer[] {
  const seen = { issuers: new Set<string>(), namespaces: new Set<string>() };
  for (const i of issuers) {
    const what = `SAMRAAD_OIDC_ISSUERS: issuer ${JSON.stringify(i?.issuer)}`;
    if (!i || typeof i.issuer !== "string" || !i.issuer || !i.audience || !i.jwks)
      throw new Error(`${what} needs issuer, audience and jwks.`);
    if (typeof i.namespace !== "string" || !NAMESPACE.test(i.namespace)) {
      throw new Error(`${what} needs a namespace for its principal ids: lower-case letters, digits and hyphens, no colon.`);
    }
    if (seen.issuers.has(i.issuer)) throw new Error(`${what} is listed twice.`);
    if (seen.namespaces.has(i.namespace)) throw new Error(`${what}: namespace ${i.namespace} is another issuer's.`);
    seen.issuers.add(i.issuer);
    seen.namespaces.add(i.namespace);
    const entries = typeof i.speaksFor === "object" && i.speaksFor !== null ? Object.entries(i.speaksFor) : [];
    if (entries.length === 0) throw new Error(`${what} needs speaksFor: the sectors and organisations it may assert.`);
    for (const [sector, organisations] of entries) {
      if (!isSector(sector)) throw new Error(`${what}: ${JSON.stringify(sector)} in speaksFor is not a sector.`);
      if (
        !Array.isArray(organisations) ||
        organisations.length === 0 ||
        organisations.some((o) => typeof o !== "string" || !o || o === "*")
      ) {
        throw new Error(`${what}: speaksFor.${sector} must name its organisations (no wildcard).`);
      }
    }
  }
  return issuers;
}

/**
 * SAMRAAD_OIDC_ISSUERS's text (the gateway's config parses it at start):
 * '[{"issuer":"https://...","audience":"samraad","jwks":"https://.../jwks",
 *   "namespace":"kombit","speaksFor":{"MUNICIPALITY":["0101","0147"]}}]'
 */
export function parseIssuers(raw: string): TrustedIssuer[] {
  const parsed = JSON.parse(raw) as TrustedIssuer[];
  if (!Array.isArray(parsed))
    throw new Error("SAMRAAD_OIDC_ISSUERS must be a JSON array of {issuer, audience, jwks, namespace, speaksFor}.");
  return checkIssuers(parsed);
}

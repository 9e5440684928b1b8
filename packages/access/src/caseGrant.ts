import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, SignJWT } from "jose";

type CryptoKey = Awaited<ReturnType<typeof importSPKI>>;

import { ExpiringCache } from "./expiringCache.ts";
import type { Principal } from "./principal.ts";

/**
 * Case access grants: how a sector subgraph learns that the principal may see a case
 * whose participation the børnehus subgraph owns.
 *
 * The børnehus subgraph decides row-level access to a case (participant of its samråd,
 * or an organisation-wide role for the organisation that owns it, or break-the-glass)
 * and resolves `BoernehusCase.accessGrant`: a JWT, signed with the børnehus's private
 * Ed25519 key, naming the principal, the case and the basis, valid for 60 seconds.
 * The other subgraphs declare `@requires(fields: "accessGrant")` on every field they add
 * to the case, so the gateway's query plan carries the grant to them in the entity
 * representation; they verify it with the public key and refuse without it. A grant is
 * bound to one principal and one case, so it is useless to anyone else and for any other case.
 *
 * Signing and verifying cost a few hundred µs of CPU each, and a list of 500 cases needs
 * 500 grants, each verified by three subgraphs. So the børnehus reuses a signed grant for
 * the same person, case and basis for the first half of its life (it still decides the
 * basis afresh on every request, and signs nothing when there is none), and a subgraph
 * remembers a grant it verified for the same person and case until the grant expires.
 */
export const GRANT_ISSUER = "samraad-boernehus";
export const GRANT_TTL_SECONDS = 60;

export type GrantBasis = "PARTICIPANT" | "ORGANISATION" | "EMERGENCY";

export interface CaseGrant {
  caseId: string;
  sub: string;
  basis: GrantBasis;
  municipalityCode: string;
  region: string;
  /**
   * A write grant for one record of the case (a recommendation the municipality answers):
   * the record's id, so a grant for one case cannot carry a record of another (issue 19).
   */
  record?: string;
  /**
   * On EMERGENCY only: the reason given when the glass was broken, so that every sector's
   * audit log records the read as an emergency read with its reason (purpose.ts).
   */
  reason?: string;
}

export interface GrantKeys {
  privateKey?: CryptoKey;
  publicKey: CryptoKey;
}

export async function generateGrantKeyPair(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  return { privatePem: await exportPKCS8(privateKey), publicPem: await exportSPKI(publicKey) };
}

let cached: { env: string; keys: GrantKeys } | null = null;

/**
 * For test processes, which play every service at once: SAMRAAD_GRANT_PUBLIC_KEY (and the
 * private key, only where grants are issued) from the environment they are handed. A service
 * takes its keys from its parsed config (grantKeys below).
 */
export async function grantKeysFromEnv(env: Readonly<Record<string, string | undefined>>): Promise<GrantKeys> {
  const publicPem = env.SAMRAAD_GRANT_PUBLIC_KEY;
  if (!publicPem) throw new Error("SAMRAAD_GRANT_PUBLIC_KEY must be set (the børnehus's Ed25519 public key, SPKI PEM).");
  return grantKeys(publicPem, env.SAMRAAD_GRANT_PRIVATE_KEY);
}

/** The grant keys from their PEM text (a service's config), imported once while they are unchanged. */
export async function grantKeys(publicPem: string, privatePem: string | undefined): Promise<GrantKeys> {
  const signature = `${publicPem}|${privatePem ?? ""}`;
  if (cached?.env === signature) return cached.keys;
  const keys: GrantKeys = {
    publicKey: (await importSPKI(publicPem, "EdDSA")) as CryptoKey,
    privateKey: privatePem ? ((await importPKCS8(privatePem, "EdDSA")) as CryptoKey) : undefined,
  };
  cached = { env: signature, keys };
  return keys;
}

/** A signed grant is handed out again while it has at least this much of its life left. */
const REUSE_SECONDS = GRANT_TTL_SECONDS / 2;

/** One cache per key, so a grant signed or verified under one key never counts under another. */
function cacheFor<V extends {}>(caches: WeakMap<CryptoKey, ExpiringCache<V>>, key: CryptoKey): ExpiringCache<V> {
  let cache = caches.get(key);
  if (!cache) {
    cache = new ExpiringCache<V>();
    caches.set(key, cache);
  }
  return cache;
}

const signed = new WeakMap<CryptoKey, ExpiringCache<string>>();
const verified = new WeakMap<CryptoKey, ExpiringCache<CaseGrant>>();

/** `now` (ms since the epoch) is for tests. */
export async function signCaseGrant(grant: CaseGrant, keys: GrantKeys, now = Date.now()): Promise<string> {
  if (!keys.privateKey) throw new Error("This service holds no grant private key: only the børnehus subgraph issues case grants.");
  const issued = cacheFor(signed, keys.privateKey);
  const key = [grant.sub, grant.caseId, grant.basis, grant.municipalityCode, grant.region, grant.record ?? "", grant.reason ?? ""].join(
    "\n",
  );
  const reusable = issued.get(key, now);
  if (reusable) return reusable;
  const iat = Math.floor(now / 1000);
  const token = await new SignJWT({
    basis: grant.basis,
    mun: grant.municipalityCode,
    reg: grant.region,
    ...(grant.record ? { rec: grant.record } : {}),
    ...(grant.basis === "EMERGENCY" && grant.reason ? { why: grant.reason } : {}),
  })
    .setProtectedHeader({ alg: "EdDSA" })
    .setIssuer(GRANT_ISSUER)
    .setSubject(grant.sub)
    .setAudience(`case:${grant.caseId}`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + GRANT_TTL_SECONDS)
    .sign(keys.privateKey);
  issued.set(key, token, (iat + REUSE_SECONDS) * 1000, now);
  return token;
}

/**
 * The grant for this principal (and this case, when given), or null if there is none
 * that verifies. Without `caseId` the caller must compare the returned caseId with
 * the row it is about to show (e.g. a recommendation's response).
 */
export async function verifyCaseGrant(
  token: unknown,
  input: { caseId?: string | undefined; principal: Principal; keys: GrantKeys; now?: number },
): Promise<CaseGrant | null> {
  if (typeof token !== "string" || token.length === 0) return null;
  const now = input.now ?? Date.now();
  // Keyed on everything jose checked besides the time: a hit is this same check, passed before.
  const cache = cacheFor(verified, input.keys.publicKey);
  const key = `${input.caseId ?? ""}\n${input.principal.sub}\n${token}`;
  const hit = cache.get(key, now);
  if (hit) return hit;
  const fresh = await verifyWithJose(token, input, now);
  if (fresh) cache.set(key, fresh.grant, fresh.until, now);
  return fresh?.grant ?? null;
}

async function verifyWithJose(
  token: string,
  input: { caseId?: string | undefined; principal: Principal; keys: GrantKeys },
  now: number,
): Promise<{ grant: CaseGrant; until: number } | null> {
  try {
    const { payload } = await jwtVerify(token, input.keys.publicKey, {
      issuer: GRANT_ISSUER,
      audience: input.caseId ? `case:${input.caseId}` : undefined,
      subject: input.principal.sub,
      algorithms: ["EdDSA"],
      requiredClaims: ["exp"],
      currentDate: new Date(now),
    });
    const basis = payload.basis;
    if (basis !== "PARTICIPANT" && basis !== "ORGANISATION" && basis !== "EMERGENCY") return null;
    const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
    if (typeof aud !== "string" || !aud.startsWith("case:")) return null;
    const grant: CaseGrant = Object.freeze({
      caseId: aud.slice("case:".length),
      sub: input.principal.sub,
      basis,
      municipalityCode: String(payload.mun),
      region: String(payload.reg),
      ...(typeof payload.rec === "string" ? { record: payload.rec } : {}),
      ...(basis === "EMERGENCY" && typeof payload.why === "string" ? { reason: payload.why } : {}),
    });
    return { grant, until: (payload.exp as number) * 1000 };
  } catch {
    return null;
  }
}

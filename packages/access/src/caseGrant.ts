import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import { ExpiringCache } from "./expiringCache.ts";
import type { Principal } from "./principal.ts";

/**
 * Case access grants: how a sector subgraph learns that the principal may see a case
 * whose participation the børnehus subgraph owns.
 *
 * The børnehus subgraph decides row-level access to a case (participant of its samråd,
 * or an organisation-wide role for the organisation that owns it, or break-the-glass)
 * and resolves `BoernehusCase.accessGrant`: a grant signed with the børnehus's private
 * Ed25519 key, naming the case and the basis, bound to the principal, valid for 60 seconds.
 * The other subgraphs declare `@requires(fields: "accessGrant")` on every field they add
 * to the case, so the gateway's query plan carries the grant to them in the entity
 * representation; they verify it with the public key and refuse without it. A grant is
 * bound to one principal and one case, so it is useless to anyone else and for any other case.
 *
 * The format is our own, not a JWT, because a list carries one grant per case to every
 * sector (500 cases: 1,500 grants through the gateway per list). A JWT must repeat its
 * issuer, subject and audience as base64 JSON; this one signs the principal without
 * carrying it (every verifier knows who is asking) and writes the rest as plain fields:
 *
 *     1.<basis P|O|E>.<municipality>.<region>.<expiry, s>.<case id>.<record id>.<reason, base64url>.<Ed25519 signature, base64url>
 *
 * The signature covers "samraad-case-grant\n" + everything before it + "\n" + the principal's
 * sub, so a grant verifies for nobody but its person, and never as another kind of token.
 * A grant is about 150 characters where the JWT was 370 (docs/performance.md, "Compact case
 * grants"). Signing and verifying go through node:crypto (OpenSSL), synchronously.
 *
 * The børnehus still reuses a signed grant for the same person, case and basis for the first
 * half of its life (it decides the basis afresh on every request, and signs nothing when there
 * is none), and a subgraph remembers a grant it verified for the same person and case until
 * the grant expires: a list repeats the same grants within a minute.
 */
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
  privateKey?: KeyObject;
  publicKey: KeyObject;
}

export async function generateGrantKeyPair(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519", {
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { privatePem: privateKey, publicPem: publicKey };
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
    publicKey: ed25519(createPublicKey(publicPem)),
    privateKey: privatePem ? ed25519(createPrivateKey(privatePem)) : undefined,
  };
  cached = { env: signature, keys };
  return keys;
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`A case grant key must be Ed25519 (got ${key.asymmetricKeyType ?? key.type}).`);
  return key;
}

/** A signed grant is handed out again while it has at least this much of its life left. */
const REUSE_SECONDS = GRANT_TTL_SECONDS / 2;

/** One cache per key, so a grant signed or verified under one key never counts under another. */
function cacheFor<V extends {}>(caches: WeakMap<KeyObject, ExpiringCache<V>>, key: KeyObject): ExpiringCache<V> {
  let cache = caches.get(key);
  if (!cache) {
    cache = new ExpiringCache<V>();
    caches.set(key, cache);
  }
  return cache;
}

const signed = new WeakMap<KeyObject, ExpiringCache<string>>();
const verified = new WeakMap<KeyObject, ExpiringCache<CaseGrant>>();

const FORMAT = "1";
const BASIS_LETTER: Record<GrantBasis, string> = { PARTICIPANT: "P", ORGANISATION: "O", EMERGENCY: "E" };
const BASIS_OF = new Map<string, GrantBasis>(Object.entries(BASIS_LETTER).map(([basis, letter]) => [letter, basis as GrantBasis]));
/** The characters of a field written as it is (base64url's): never the separator. */
const PLAIN = /^[A-Za-z0-9_-]*$/;
/** An Ed25519 signature (64 bytes) in unpadded base64url. */
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

function plainField(value: string, what: string): string {
  if (!PLAIN.test(value)) throw new Error(`A case grant's ${what} may hold only letters, digits, '-' and '_'.`);
  return value;
}

/** What the signature covers: a tag no other token of ours starts with, the fields, and the person. */
function signedMessage(fields: string, sub: string): Buffer {
  return Buffer.from(`samraad-case-grant\n${fields}\n${sub}`);
}

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
  const fields = [
    FORMAT,
    BASIS_LETTER[grant.basis],
    plainField(grant.municipalityCode, "municipality code"),
    plainField(grant.region, "region"),
    String(iat + GRANT_TTL_SECONDS),
    plainField(grant.caseId, "case id"),
    plainField(grant.record ?? "", "record id"),
    grant.basis === "EMERGENCY" && grant.reason ? Buffer.from(grant.reason).toString("base64url") : "",
  ].join(".");
  const token = `${fields}.${sign(null, signedMessage(fields, grant.sub), keys.privateKey).toString("base64url")}`;
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
  // Keyed on everything the check depends on besides the time: a hit is this same check, passed before.
  const cache = cacheFor(verified, input.keys.publicKey);
  const key = `${input.caseId ?? ""}\n${input.principal.sub}\n${token}`;
  const hit = cache.get(key, now);
  if (hit) return hit;
  const fresh = verifySignature(token, input, now);
  if (fresh) cache.set(key, fresh.grant, fresh.until, now);
  return fresh?.grant ?? null;
}

function verifySignature(
  token: string,
  input: { caseId?: string | undefined; principal: Principal; keys: GrantKeys },
  now: number,
): { grant: CaseGrant; until: number } | null {
  const parts = token.split(".");
  if (parts.length !== 9) return null;
  const [format, letter, municipalityCode, region, expiry, caseId, record, reason, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const basis = BASIS_OF.get(letter);
  if (format !== FORMAT || !basis || !/^\d{1,12}$/.test(expiry) || !SIGNATURE.test(signature)) return null;
  if (!caseId || (input.caseId !== undefined && caseId !== input.caseId)) return null;
  const until = Number(expiry) * 1000;
  if (until <= now) return null;
  const bytes = Buffer.from(signature, "base64url");
  // One spelling per signature (base64url leaves four spare bits), so one grant is one string.
  if (bytes.toString("base64url") !== signature) return null;
  const fields = token.slice(0, token.length - signature.length - 1);
  if (!verify(null, signedMessage(fields, input.principal.sub), input.keys.publicKey, bytes)) return null;
  const grant: CaseGrant = Object.freeze({
    caseId,
    sub: input.principal.sub,
    basis,
    municipalityCode,
    region,
    ...(record ? { record } : {}),
    ...(basis === "EMERGENCY" && reason ? { reason: Buffer.from(reason, "base64url").toString() } : {}),
  });
  return { grant, until };
}

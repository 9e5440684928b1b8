import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { calculateJwkThumbprint, decodeProtectedHeader, importSPKI, type JWK, jwtVerify } from "jose";
import { type Principal, parsePrincipal } from "./principal.ts";
import { DEFAULT_PURPOSE } from "./purpose.ts";

type CryptoKey = Awaited<ReturnType<typeof importSPKI>>;

/**
 * The gateway-signed internal token: how a subgraph knows a request came through
 * the gateway, for whom, and that nobody changed it on the way.
 *
 * - EdDSA (Ed25519) with a private key only the gateway holds (SAMRAAD_INTERNAL_SIGNING_KEY);
 *   subgraphs hold only its public key, or two while the gateway switches keys
 *   (SAMRAAD_INTERNAL_PUBLIC_KEYS). So no subgraph, and nobody who takes one over, can sign
 *   a request that another subgraph accepts (DESIGN.md 3, rule 6);
 * - `kid` = the RFC 7638 thumbprint of the public key, so the verifier picks the key without
 *   trying each, and an unknown key is refused outright;
 * - audience = the one subgraph it was minted for, so a token for "police" is refused by "health";
 * - `bh` = SHA-256 of the exact request body, so a tampered query or variables are refused;
 * - 30 seconds to live and a unique `jti` (single use: the subgraph's replay guard).
 */
export const INTERNAL_TOKEN_HEADER = "x-samraad-internal";
export const INTERNAL_ISSUER = "samraad-gateway";
export const INTERNAL_TOKEN_TTL_SECONDS = 30;
/** The current key and the next (or previous) one while the gateway switches: never more. */
export const MAX_INTERNAL_PUBLIC_KEYS = 2;

export interface InternalClaims {
  principal: Principal;
  scopes: string[];
  jti: string;
  exp: number;
  requestId: string;
  /**
   * Why the principal is asking, as the client stated it (CASEWORK by default; see purpose.ts).
   * Never an emergency mark: the subgraph records that per case, from the case grant's basis.
   */
  purpose: string;
}

export function bodyHash(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url");
}

/** The gateway's signing key: an Ed25519 private key and its key id. */
export interface InternalSigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The JWS header, encoded once per key. */
  header: string;
}

/** What a subgraph verifies with: public keys by key id. */
export interface InternalVerifyKeys {
  byKid: ReadonlyMap<string, CryptoKey>;
}

/** The RFC 7638 thumbprint of an Ed25519 public key. */
async function kidOf(publicKey: KeyObject): Promise<string> {
  const jwk = publicKey.export({ format: "jwk" }) as JWK;
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x } as JWK, "sha256");
}

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${what} must be an Ed25519 key (got ${key.asymmetricKeyType ?? key.type}).`);
  return key;
}

/** A fresh key pair, as PEM (`npm run dev` and the tests make one per run). */
export function generateInternalKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privatePem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
}

export async function internalSigningKey(privatePem: string): Promise<InternalSigningKey> {
  const privateKey = ed25519(createPrivateKey(privatePem), "SAMRAAD_INTERNAL_SIGNING_KEY");
  const kid = await kidOf(createPublicKey(privateKey));
  return { kid, privateKey, header: base64urlJson({ alg: "EdDSA", kid }) };
}

/** One or two SPKI PEM blocks, one after the other. */
export async function internalVerifyKeys(publicPems: string): Promise<InternalVerifyKeys> {
  const blocks = publicPems.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  if (blocks.length === 0) throw new Error("SAMRAAD_INTERNAL_PUBLIC_KEYS must hold the gateway's Ed25519 public key (SPKI PEM).");
  if (blocks.length > MAX_INTERNAL_PUBLIC_KEYS) {
    throw new Error(
      `SAMRAAD_INTERNAL_PUBLIC_KEYS holds ${blocks.length} keys: at most ${MAX_INTERNAL_PUBLIC_KEYS} (the current and the next).`,
    );
  }
  const byKid = new Map<string, CryptoKey>();
  for (const pem of blocks) {
    const kid = await kidOf(ed25519(createPublicKey(pem), "SAMRAAD_INTERNAL_PUBLIC_KEYS"));
    byKid.set(kid, (await importSPKI(pem, "EdDSA")) as CryptoKey);
  }
  return { byKid };
}

const base64urlJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Signs with node:crypto's Ed25519, synchronously, not through jose: jose 6 signs through
 * WebCrypto, whose promise and thread-pool round trip cost far more CPU than the signature,
 * and the gateway signs one token per subgraph request (five per case view). The result is
 * an ordinary EdDSA JWS; subgraphs verify it with jose (verifyInternalToken below), so nothing
 * is trusted that a standard verifier would refuse. `bench/src/internalTokenCost.ts` measures it.
 */
export async function signInternalToken(input: {
  principal: Principal;
  scopes: string[];
  audience: string;
  /** The exact bytes sent (a string is hashed as its UTF-8). */
  body: string | Uint8Array;
  requestId: string;
  purpose?: string;
  /** The gateway's key (its config's SAMRAAD_INTERNAL_SIGNING_KEY, imported at start by internalSigningKey). */
  key: InternalSigningKey;
  /** For tests of expiry only. */
  issuedAt?: number;
}): Promise<string> {
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = base64urlJson({
    principal: input.principal,
    scopes: input.scopes,
    bh: bodyHash(input.body),
    rid: input.requestId,
    pur: input.purpose ?? DEFAULT_PURPOSE,
    iss: INTERNAL_ISSUER,
    aud: input.audience,
    sub: input.principal.sub,
    jti: randomUUID(),
    iat,
    exp: iat + INTERNAL_TOKEN_TTL_SECONDS,
  });
  const signingInput = `${input.key.header}.${payload}`;
  const signature = sign(null, Buffer.from(signingInput), input.key.privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}

export class InternalTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalTokenError";
  }
}

export async function verifyInternalToken(
  token: string,
  input: { audience: string; body: string | Uint8Array; keys: InternalVerifyKeys },
): Promise<InternalClaims> {
  const { keys } = input;
  let payload: Record<string, unknown>;
  try {
    const { kid } = decodeProtectedHeader(token);
    const key = typeof kid === "string" ? keys.byKid.get(kid) : undefined;
    if (!key) throw new Error("signed with a key this subgraph does not trust");
    ({ payload } = await jwtVerify(token, key, {
      issuer: INTERNAL_ISSUER,
      audience: input.audience,
      algorithms: ["EdDSA"],
      requiredClaims: ["exp", "jti", "iat"],
      maxTokenAge: INTERNAL_TOKEN_TTL_SECONDS,
    }));
    if (Number(payload.exp) - Number(payload.iat) > INTERNAL_TOKEN_TTL_SECONDS) throw new Error("lives longer than an internal token may");
  } catch (error) {
    throw new InternalTokenError(`internal token refused: ${(error as Error).message}`);
  }
  if (payload.bh !== bodyHash(input.body))
    throw new InternalTokenError("internal token refused: request body does not match its signature");
  const principal = parsePrincipal(payload.principal);
  if (!principal) throw new InternalTokenError("internal token refused: no valid principal");
  const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === "string") : [];
  return {
    principal,
    scopes,
    jti: String(payload.jti),
    exp: Number(payload.exp),
    requestId: typeof payload.rid === "string" ? payload.rid : String(payload.jti),
    purpose: typeof payload.pur === "string" ? payload.pur : DEFAULT_PURPOSE,
  };
}

import { createHash, createHmac, randomUUID, webcrypto } from "node:crypto";
import { jwtVerify } from "jose";
import { type Principal, parsePrincipal } from "./principal.ts";

/**
 * The gateway-signed internal token: how a subgraph knows a request came through
 * the gateway, for whom, and that nobody changed it on the way.
 *
 * - HS256 with a secret only the gateway and the subgraphs hold (SAMRAAD_INTERNAL_SECRET);
 * - audience = the one subgraph it was minted for, so a token for "police" is refused by "health";
 * - `bh` = SHA-256 of the exact request body, so a tampered query or variables are refused;
 * - 30 seconds to live and a unique `jti`, so a captured request cannot be replayed.
 */
export const INTERNAL_TOKEN_HEADER = "x-samraad-internal";
export const INTERNAL_ISSUER = "samraad-gateway";
export const INTERNAL_TOKEN_TTL_SECONDS = 30;

export interface InternalClaims {
  principal: Principal;
  scopes: string[];
  jti: string;
  exp: number;
  requestId: string;
  /** Why the principal is asking: CASEWORK by default; EMERGENCY:<reason> for break-the-glass. */
  purpose: string;
}

export function bodyHash(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url");
}

let fromEnv: { secret: string; bytes: Uint8Array } | null = null;

export function internalSecret(): Uint8Array {
  const secret = process.env.SAMRAAD_INTERNAL_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("SAMRAAD_INTERNAL_SECRET must be set to at least 32 characters (the gateway and every subgraph share it).");
  }
  // The same bytes while the variable is unchanged, so that their imported key is reused (below).
  if (fromEnv?.secret !== secret) fromEnv = { secret, bytes: new TextEncoder().encode(secret) };
  return fromEnv.bytes;
}

const hmacKeys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();

/**
 * The secret as a WebCrypto HMAC key for jose's verification, imported once per secret. Given
 * raw bytes, jose imports a key on every verify: one import per subgraph request, measured as a
 * few per cent of CPU under load.
 */
function hmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey("raw", new Uint8Array(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    hmacKeys.set(secret, key);
  }
  return key;
}

const base64urlJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const HS256_HEADER = base64urlJson({ alg: "HS256" });

/**
 * Signs with node:crypto's HMAC, synchronously, not through jose: jose 6 signs through
 * WebCrypto, whose promise and thread-pool round trip cost about 100 µs of CPU per token
 * against 30 µs here, and the gateway signs one token per subgraph request (five per case
 * view). The result is an ordinary HS256 JWS; subgraphs still verify it with jose
 * (verifyInternalToken below), so nothing is trusted that a standard verifier would refuse.
 */
export async function signInternalToken(input: {
  principal: Principal;
  scopes: string[];
  audience: string;
  body: string;
  requestId: string;
  purpose?: string;
  secret?: Uint8Array;
  /** For tests of expiry only. */
  issuedAt?: number;
}): Promise<string> {
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = base64urlJson({
    principal: input.principal,
    scopes: input.scopes,
    bh: bodyHash(input.body),
    rid: input.requestId,
    pur: input.purpose ?? "CASEWORK",
    iss: INTERNAL_ISSUER,
    aud: input.audience,
    sub: input.principal.sub,
    jti: randomUUID(),
    iat,
    exp: iat + INTERNAL_TOKEN_TTL_SECONDS,
  });
  const signingInput = `${HS256_HEADER}.${payload}`;
  const signature = createHmac("sha256", input.secret ?? internalSecret())
    .update(signingInput)
    .digest("base64url");
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
  input: { audience: string; body: string | Uint8Array; secret?: Uint8Array },
): Promise<InternalClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await hmacKey(input.secret ?? internalSecret()), {
      issuer: INTERNAL_ISSUER,
      audience: input.audience,
      algorithms: ["HS256"],
      requiredClaims: ["exp", "jti", "iat"],
    }));
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
    purpose: typeof payload.pur === "string" ? payload.pur : "CASEWORK",
  };
}

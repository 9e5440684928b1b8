import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, SignJWT } from "jose";

type CryptoKey = Awaited<ReturnType<typeof importSPKI>>;

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

/** SAMRAAD_GRANT_PUBLIC_KEY everywhere; SAMRAAD_GRANT_PRIVATE_KEY only where grants are issued (børnehus). */
export async function grantKeysFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<GrantKeys> {
  const publicPem = env.SAMRAAD_GRANT_PUBLIC_KEY;
  if (!publicPem) throw new Error("SAMRAAD_GRANT_PUBLIC_KEY must be set (the børnehus's Ed25519 public key, SPKI PEM).");
  const signature = `${publicPem}|${env.SAMRAAD_GRANT_PRIVATE_KEY ?? ""}`;
  if (cached?.env === signature) return cached.keys;
  const keys: GrantKeys = {
    publicKey: (await importSPKI(publicPem, "EdDSA")) as CryptoKey,
    privateKey: env.SAMRAAD_GRANT_PRIVATE_KEY ? ((await importPKCS8(env.SAMRAAD_GRANT_PRIVATE_KEY, "EdDSA")) as CryptoKey) : undefined,
  };
  cached = { env: signature, keys };
  return keys;
}

export async function signCaseGrant(grant: CaseGrant, keys: GrantKeys): Promise<string> {
  if (!keys.privateKey) throw new Error("This service holds no grant private key: only the børnehus subgraph issues case grants.");
  return new SignJWT({ basis: grant.basis, mun: grant.municipalityCode, reg: grant.region })
    .setProtectedHeader({ alg: "EdDSA" })
    .setIssuer(GRANT_ISSUER)
    .setSubject(grant.sub)
    .setAudience(`case:${grant.caseId}`)
    .setIssuedAt()
    .setExpirationTime(`${GRANT_TTL_SECONDS}s`)
    .sign(keys.privateKey);
}

/**
 * The grant for this principal (and this case, when given), or null if there is none
 * that verifies. Without `caseId` the caller must compare the returned caseId with
 * the row it is about to show (e.g. a recommendation's response).
 */
export async function verifyCaseGrant(
  token: unknown,
  input: { caseId?: string | undefined; principal: Principal; keys: GrantKeys },
): Promise<CaseGrant | null> {
  if (typeof token !== "string" || token.length === 0) return null;
  try {
    const { payload } = await jwtVerify(token, input.keys.publicKey, {
      issuer: GRANT_ISSUER,
      audience: input.caseId ? `case:${input.caseId}` : undefined,
      subject: input.principal.sub,
      algorithms: ["EdDSA"],
    });
    const basis = payload.basis;
    if (basis !== "PARTICIPANT" && basis !== "ORGANISATION" && basis !== "EMERGENCY") return null;
    const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
    if (typeof aud !== "string" || !aud.startsWith("case:")) return null;
    return {
      caseId: aud.slice("case:".length),
      sub: input.principal.sub,
      basis,
      municipalityCode: String(payload.mun),
      region: String(payload.reg),
    };
  } catch {
    return null;
  }
}

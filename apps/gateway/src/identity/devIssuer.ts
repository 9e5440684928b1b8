import type { Sector } from "@samraad/access";
import type { Persona } from "@samraad/synthetic";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import type { TrustedIssuer } from "./verifier.ts";

export const DEV_ISSUER = "https://dev-issuer.samraad.local";
export const AUDIENCE = "samraad";
/**
 * The development issuer's principal ids are `persona:<id>`: the ids the synthetic world
 * seeds into case participation (packages/synthetic/src/personas.ts), so the demo
 * personas take part in their cases. Its tokens carry `sub` = the persona's id.
 */
export const DEV_NAMESPACE = "persona";

/**
 * The development issuer: signs tokens for the demo personas with a key pair made
 * at start-up. It runs only when asked for by name (SAMRAAD_DEV_ISSUER=1), never in
 * production nor beside a real issuer (see identity/config.ts); its public key is then the
 * only one trusted, for the sectors and organisations of its personas only.
 */
export interface DevIssuer {
  jwks: { keys: JWK[] };
  /** How the gateway trusts it: namespace `persona`, speaking for its personas' organisations. */
  trusted: TrustedIssuer;
  personas: readonly Persona[];
  issue(personaId: string): Promise<{ token: string; persona: Persona } | null>;
}

export async function createDevIssuer(personas: readonly Persona[]): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "dev-1", alg: "ES256", use: "sig" };
  const jwks = { keys: [jwk] };
  for (const p of personas) {
    if (p.sub !== `${DEV_NAMESPACE}:${p.id}`)
      throw new Error(`persona ${p.id}: its sub must be ${DEV_NAMESPACE}:${p.id}, the id its cases are seeded with.`);
  }
  const speaksFor: Partial<Record<Sector, string[]>> = {};
  for (const p of personas)
    if (!speaksFor[p.sector]?.includes(p.organisation)) speaksFor[p.sector] = [...(speaksFor[p.sector] ?? []), p.organisation];
  return {
    jwks,
    trusted: { issuer: DEV_ISSUER, audience: AUDIENCE, jwks, namespace: DEV_NAMESPACE, speaksFor },
    personas,
    async issue(personaId) {
      const persona = personas.find((p) => p.id === personaId);
      if (!persona) return null;
      const token = await new SignJWT({
        name: persona.name,
        sector: persona.sector,
        organisation: persona.organisation,
        roles: persona.roles,
      })
        .setProtectedHeader({ alg: "ES256", kid: "dev-1" })
        .setIssuer(DEV_ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(persona.id)
        .setIssuedAt()
        .setExpirationTime("8h")
        .sign(privateKey);
      return { token, persona };
    },
  };
}

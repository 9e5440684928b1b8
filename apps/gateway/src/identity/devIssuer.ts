import type { Persona } from "@samraad/synthetic";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

export const DEV_ISSUER = "https://dev-issuer.samraad.local";
export const AUDIENCE = "samraad";

/**
 * The development issuer: signs tokens for the demo personas with a key pair made
 * at start-up. It exists only when no real issuer is configured and NODE_ENV is not
 * production (see identity/config.ts); its public key is then the only one trusted.
 */
export interface DevIssuer {
  jwks: { keys: JWK[] };
  personas: readonly Persona[];
  issue(personaId: string): Promise<{ token: string; persona: Persona } | null>;
}

export async function createDevIssuer(personas: readonly Persona[]): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "dev-1", alg: "ES256", use: "sig" };
  return {
    jwks: { keys: [jwk] },
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
        .setSubject(persona.sub)
        .setIssuedAt()
        .setExpirationTime("8h")
        .sign(privateKey);
      return { token, persona };
    },
  };
}

import { type Principal, parsePrincipal } from "@samraad/access";
import type { JWTPayload } from "jose";

/**
 * Turns verified token claims into a principal. Sector systems' machine tokens
 * (client credentials) carry the same claims, with roles ["system"].
 * Claim names follow our IdP agreement: `name`, `sector`, `organisation`, `roles`.
 */
export function principalFromClaims(payload: JWTPayload): Principal | null {
  // The role "respondent" is the gateway's own not-signed-in survey respondent
  // (surveyRespondent.ts), never something a token may claim.
  if (Array.isArray(payload.roles) && payload.roles.includes("respondent")) return null;
  return parsePrincipal({
    sub: payload.sub,
    name: typeof payload.name === "string" ? payload.name : (payload.client_id ?? payload.sub),
    sector: payload.sector,
    organisation: payload.organisation,
    roles: payload.roles,
  });
}

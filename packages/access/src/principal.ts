/**
 * The principal: who is asking. Built by the gateway from a verified token and
 * forwarded to the subgraphs in a gateway-signed internal token.
 */
export const SECTORS = ["MUNICIPALITY", "POLICE", "HEALTH", "BOERNEHUS", "NATIONAL"] as const;
export type Sector = (typeof SECTORS)[number];
/** The four sectors that take part in a case (the national analysts take part in none). */
export type CaseSector = Exclude<Sector, "NATIONAL">;

export const ROLES = [
  "caseworker", // municipality: myndighedsrådgiver
  "leader", // any sector: organisation-wide role for its own organisation
  "investigator", // police
  "physician", // health
  "coordinator", // børnehus
  "psychologist", // børnehus
  "analyst", // national authority: statistics only
  "dpo", // data protection officer: the audit trail
  "system", // a sector system (machine client)
  "alerts", // with "system": a sector's alert worker, reading only the facts its alert scan lacks
  "respondent", // the gateway's own: someone answering an outcome survey through a link, not signed in (docs/surveys.md)
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** Stable subject identifier from the identity provider. */
  sub: string;
  name: string;
  sector: Sector;
  /**
   * The organisation the principal acts for: a municipality code ("0101"),
   * a police district ("KBH"), a region/hospital ("REGION_H"), a børnehus region
   * ("HOVEDSTADEN") or the national authority ("SBST").
   */
  organisation: string;
  roles: Role[];
}

export function isSector(value: unknown): value is Sector {
  return typeof value === "string" && (SECTORS as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Parses an untrusted object into a principal, or returns null. */
export function parsePrincipal(value: unknown): Principal | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.sub !== "string" || v.sub.length === 0) return null;
  if (typeof v.name !== "string") return null;
  if (!isSector(v.sector)) return null;
  if (typeof v.organisation !== "string" || v.organisation.length === 0) return null;
  if (!Array.isArray(v.roles) || !v.roles.every(isRole)) return null;
  return { sub: v.sub, name: v.name, sector: v.sector, organisation: v.organisation, roles: [...v.roles] };
}

/**
 * The one principal a request without a bearer token can become: someone answering an
 * outcome survey through a link. The gateway makes it only for the survey operations
 * (apps/gateway/src/identity/surveyRespondent.ts); no token may claim the role "respondent".
 * It acts for no organisation that owns a case (organisation "PUBLIC"), and its one scope is
 * survey:respond (scopesFor).
 */
export const SURVEY_RESPONDENT: Readonly<Principal> = Object.freeze({
  sub: "survey-respondent",
  name: "Survey respondent (not signed in)",
  sector: "NATIONAL" as const,
  organisation: "PUBLIC",
  roles: ["respondent" as const],
});

import type { CaseSector, Principal, Role, Sector } from "./principal.ts";

/**
 * The access vocabulary. Every field of the supergraph carries one of these as
 * `@requiresScopes(scopes: [["<scope>"]])` (or `@authenticated` for the
 * few fields every signed-in principal may read). The gateway derives a
 * principal's scopes from sector + roles; a Rust router can enforce the same
 * directives from the same `scope` claim.
 */
export const SCOPES = {
  /** SAMRAAD: shared coordination data, for every samråd participant (row rules decide which cases). */
  samraad: "samraad",
  /** SECTOR-INTERNAL: the owning sector only. */
  municipalityInternal: "municipality:internal",
  policeInternal: "police:internal",
  healthInternal: "health:internal",
  boernehusInternal: "boernehus:internal",
  /** NEED-TO-KNOW grants across sectors. */
  findingsSummary: "grant:findings-summary",
  finalNoteText: "grant:final-note-text",
  suspectRelation: "grant:suspect-relation",
  /** The child's and the family's motivation to accept support (issue 23): sensitive, about the family. */
  familyMotivation: "grant:family-motivation",
  /** STATISTICS: pseudonymised aggregates with small cells suppressed. */
  statistics: "statistics",
  /**
   * The statistics extraction: pseudonymised per-course facts, read by the statistics
   * service's own machine principal (NATIONAL + system) and by nobody else.
   */
  statisticsExtract: "statistics:extract",
  /**
   * The municipality's alert worker: the sent final note's date and recommendation ids of its
   * own organisation's cases (docs/webhooks.md), and nothing else.
   */
  followUpFacts: "alerts:follow-up-facts",
  /**
   * Answering an outcome survey through a single-use link: the survey form for a token and
   * the answer to it, nothing else. Held only by the not-signed-in respondent (docs/surveys.md).
   */
  surveyRespond: "survey:respond",
  /** The data protection officer's audit reports. */
  auditRead: "audit:read",
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

const SECTOR_INTERNAL: Record<CaseSector, Scope> = {
  MUNICIPALITY: SCOPES.municipalityInternal,
  POLICE: SCOPES.policeInternal,
  HEALTH: SCOPES.healthInternal,
  BOERNEHUS: SCOPES.boernehusInternal,
};

/** Named need-to-know grants: who, outside the owning sector, may read what. */
const GRANTS: Array<{ scope: Scope; sectors: Sector[]; roles?: Role[] }> = [
  // The medical findings summary: health itself, the police investigator, the børnehus.
  { scope: SCOPES.findingsSummary, sectors: ["HEALTH", "BOERNEHUS"] },
  { scope: SCOPES.findingsSummary, sectors: ["POLICE"], roles: ["investigator"] },
  // The final note's full text: the børnehus that writes it, the municipality that decides measures.
  { scope: SCOPES.finalNoteText, sectors: ["BOERNEHUS", "MUNICIPALITY"] },
  // The category of the suspect's relation to the child (never the identity).
  { scope: SCOPES.suspectRelation, sectors: ["POLICE", "MUNICIPALITY", "BOERNEHUS"] },
  // The family's motivation: the two sectors that work with the family's support (who records it
  // at which set point, and who answers the recommendations), not the investigation or health care.
  { scope: SCOPES.familyMotivation, sectors: ["BOERNEHUS", "MUNICIPALITY"] },
];

/** The scopes a principal holds. Pure: the same principal always gets the same scopes. */
export function scopesFor(principal: Principal): Scope[] {
  const scopes = new Set<Scope>();
  const { sector, roles } = principal;
  // The survey respondent holds its one scope, and nobody else holds it.
  if (roles.includes("respondent")) return sector === "NATIONAL" && roles.length === 1 ? [SCOPES.surveyRespond] : [];
  // An alert worker holds its one narrow scope, never a professional's.
  if (roles.includes("alerts")) return sector === "MUNICIPALITY" ? [SCOPES.followUpFacts] : [];
  if (sector === "NATIONAL") {
    if (roles.includes("analyst")) scopes.add(SCOPES.statistics);
    if (roles.includes("dpo")) scopes.add(SCOPES.auditRead);
    if (roles.includes("system")) scopes.add(SCOPES.statisticsExtract);
    return [...scopes];
  }
  if (roles.includes("dpo")) scopes.add(SCOPES.auditRead);
  const professional = roles.some((r) => r !== "dpo" && r !== "analyst");
  if (!professional) return [...scopes];
  scopes.add(SCOPES.samraad);
  scopes.add(SECTOR_INTERNAL[sector]);
  if (roles.includes("leader")) scopes.add(SCOPES.statistics);
  for (const grant of GRANTS) {
    if (!grant.sectors.includes(sector)) continue;
    if (grant.roles && !grant.roles.some((r) => roles.includes(r))) continue;
    scopes.add(grant.scope);
  }
  return [...scopes];
}

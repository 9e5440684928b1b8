import {
  type BoernehusRegion,
  type GrantBasis,
  HEALTH_ORGANISATION_BY_REGION,
  MAX_PURPOSE_LENGTH,
  type Principal,
  signCaseGrant,
} from "@samraad/access";
import { forbidden, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import type { CaseRow } from "../data/rows.ts";

/**
 * Row-level access to a case: the børnehus subgraph is the authority (DESIGN.md 3.3).
 * A principal sees a case when
 *  - PARTICIPANT: they take part in its samråd, until `graceDays` after the course closed;
 *  - ORGANISATION: they hold an organisation-wide role (leader, or a sector system) for the
 *    organisation that owns it: the børnehus region that runs it, or the municipality
 *    responsible for the child;
 *  - EMERGENCY: they broke the glass for it, giving a reason, and that access has not expired.
 * Nobody else, and a guessed id is answered as if the case did not exist.
 */
export interface CaseFacts {
  region: string;
  municipalityCode: string;
  closedAt: Date | null;
}

export function organisationWide(principal: Principal, course: CaseFacts): boolean {
  if (!principal.roles.some((r) => r === "leader" || r === "system")) return false;
  if (principal.sector === "BOERNEHUS") return principal.organisation === course.region;
  if (principal.sector === "MUNICIPALITY") return principal.organisation === course.municipalityCode;
  return false;
}

export function participationActive(course: CaseFacts, graceDays: number, now: Date): boolean {
  return course.closedAt === null || course.closedAt.getTime() + graceDays * 86_400_000 > now.getTime();
}

export function accessBasis(
  principal: Principal,
  course: CaseFacts,
  facts: { participant: boolean; emergencyUntil: Date | null; graceDays: number; now: Date },
): GrantBasis | null {
  if (facts.participant && participationActive(course, facts.graceDays, facts.now)) return "PARTICIPANT";
  if (organisationWide(principal, course)) return "ORGANISATION";
  if (facts.emergencyUntil && facts.emergencyUntil.getTime() > facts.now.getTime()) return "EMERGENCY";
  return null;
}

/**
 * Cases a leader may know exist but not open (issue #5): police and health leaders hold no
 * organisation-wide role, so the cases their own people take part in would otherwise be
 * silently missing from their lists. A leader is told of the cases in which someone of her
 * sector and organisation takes part; nobody else is told of any.
 */
export function restrictedListingScope(principal: Principal): { sector: Principal["sector"]; organisation: string } | null {
  if (!principal.roles.includes("leader")) return null;
  return { sector: principal.sector, organisation: principal.organisation };
}

export type RestrictedReason = "NOT_A_PARTICIPANT" | "PARTICIPATION_ENDED";

/** Why the principal may not open the case, or null when she may (then it is not restricted). */
export function restrictedReason(
  principal: Principal,
  course: CaseFacts,
  facts: { participant: boolean; emergencyUntil: Date | null; graceDays: number; now: Date },
): RestrictedReason | null {
  if (accessBasis(principal, course, facts)) return null;
  return facts.participant ? "PARTICIPATION_ENDED" : "NOT_A_PARTICIPANT";
}

/** Børnehus staff write to the courses their region runs, or to those they take part in. */
export function mayWriteCase(principal: Principal, course: CaseFacts, basis: GrantBasis | null): boolean {
  if (principal.sector !== "BOERNEHUS") return false;
  return principal.organisation === course.region || basis === "PARTICIPANT";
}

export const MIN_EMERGENCY_REASON = 20;

/** The roles of people who work a case. Never a machine client (`system`), the analyst or the DPO. */
export const EMERGENCY_ROLES = ["caseworker", "investigator", "physician", "coordinator", "psychologist", "leader"] as const;

/** Whether this principal may break the glass for any case at all: a professional, never a machine client. */
export function mayEverBreakGlass(principal: Principal): boolean {
  return !principal.roles.includes("system") && principal.roles.some((r) => (EMERGENCY_ROLES as readonly string[]).includes(r));
}

/**
 * Who may break the glass for a case (issue 19; docs/access-model.md 5): a professional (one of
 * EMERGENCY_ROLES, never a machine client or the analyst) of an organisation that serves the
 * case:
 *  - the børnehus of the case's region;
 *  - the municipality responsible for the child;
 *  - health care of the region that serves the case's region;
 *  - the police district (or any other organisation) that already has someone in the case's samråd.
 * Anyone else gets NOT_FOUND, exactly as for a case that does not exist. The opener then sees the
 * samråd picture and, by the field rules, only their own sector's internal fields, which their own
 * organisation holds for that case anyway.
 */
export function mayBreakGlass(
  principal: Principal,
  course: CaseFacts,
  participantOrganisations: ReadonlyArray<{ sector: string; organisation: string }>,
): boolean {
  if (!mayEverBreakGlass(principal)) return false;
  switch (principal.sector) {
    case "BOERNEHUS":
      if (principal.organisation === course.region) return true;
      break;
    case "MUNICIPALITY":
      if (principal.organisation === course.municipalityCode) return true;
      break;
    case "HEALTH":
      if (principal.organisation === HEALTH_ORGANISATION_BY_REGION[course.region as BoernehusRegion]) return true;
      break;
    case "POLICE":
      break;
    default:
      return false;
  }
  return participantOrganisations.some((p) => p.sector === principal.sector && p.organisation === principal.organisation);
}

/** Only the børnehus of the region registers a course there. */
export function assertMayRegister(principal: Principal, region: string): void {
  if (principal.sector !== "BOERNEHUS" || principal.organisation !== region) {
    throw forbidden(`Only the børnehus for ${region} registers courses there; you act for ${principal.organisation}.`);
  }
}

const PARTICIPANT_ROLES = ["coordinator", "psychologist", "leader", "caseworker", "investigator", "physician"] as const;

export function registrantAsParticipant(principal: Principal, caseId: string) {
  const role = PARTICIPANT_ROLES.find((r) => principal.roles.includes(r)) ?? "coordinator";
  return { caseId, sub: principal.sub, name: principal.name, sector: principal.sector, organisation: principal.organisation, role };
}

/** The referring caseworker, from the municipality's referral statement: a municipal caseworker of the referring municipality. */
export function referrerAsParticipant(
  statement: { municipalityCode: string; referrer: { sub: string; name: string } | null },
  caseId: string,
) {
  if (!statement.referrer?.sub) return null;
  return {
    caseId,
    sub: statement.referrer.sub,
    name: statement.referrer.name || statement.referrer.sub,
    sector: "MUNICIPALITY" as const,
    organisation: statement.municipalityCode,
    role: "caseworker",
  };
}

/** On what basis the principal sees the case, and until when on emergency access; a hidden case is not found. */
export async function myAccess(ctx: Context, course: CaseRow): Promise<{ basis: GrantBasis; expiresAt: Date | null }> {
  const basis = await ctx.access.basis(course);
  if (!basis) throw notFound("The case");
  return { basis, expiresAt: basis === "EMERGENCY" ? await ctx.access.emergencyUntil(course.id) : null };
}

/**
 * Signs the grant the other subgraphs require, or null when the principal has no access.
 * A write grant needs a write basis: emergency access is read-only. `record` binds a write
 * grant to one record of the case (a recommendation).
 */
export async function grantFor(ctx: Context, course: CaseRow | null, write?: { record?: string }): Promise<string | null> {
  if (!course) return null;
  const basis = await ctx.access.basis(course);
  if (!basis || (write && basis === "EMERGENCY")) return null;
  // On emergency access the reason travels with the grant, so every sector audits the read as one.
  const reason = basis === "EMERGENCY" ? await ctx.access.emergencyReason(course.id) : null;
  return signCaseGrant(
    {
      caseId: course.id,
      sub: ctx.principal.sub,
      basis,
      municipalityCode: course.municipalityCode,
      region: course.region,
      ...(write?.record ? { record: write.record } : {}),
      ...(reason ? { reason: reason.slice(0, MAX_PURPOSE_LENGTH) } : {}),
    },
    ctx.grantKeys,
  );
}

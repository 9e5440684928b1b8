import { assertUuid, badInput, conflict, isUuid, nonEmpty, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { participantsOfCase } from "../data/caseParticipant.ts";
import { inTransaction } from "../data/client.ts";
import {
  createEmergencyAccess,
  emergencyAccessesOfCase,
  emergencyAccessWithCase,
  recordReview,
  revokeOpenings,
  unreviewedEmergencyAccesses,
} from "../data/emergencyAccess.ts";
import type { CaseRow, EmergencyAccessRow } from "../data/rows.ts";
import type { OpenCaseInEmergencyInput, ReviewEmergencyAccessInput } from "../generated/graphql.ts";
import { MIN_EMERGENCY_REASON, mayBreakGlass, organisationWide } from "./caseAccess.ts";

/**
 * Breaking the glass (docs/access-model.md 5): a professional of an organisation that serves a
 * case opens it for a few hours, giving a reason; the owning organisation's leaders review it.
 * Who may is the rule in caseAccess.ts (mayBreakGlass); this is the flow around it.
 */

/** The alert a review finding UNJUSTIFIED raises for the opener's leader and DPO. */
export const EMERGENCY_UNJUSTIFIED_ALERT = "EMERGENCY_ACCESS_UNJUSTIFIED";

/** Who broke the glass is for the owning organisation's leaders to review, not for every participant. */
export async function emergencyAccessesOf(ctx: Context, course: CaseRow): Promise<EmergencyAccessRow[]> {
  return organisationWide(ctx.principal, course) ? emergencyAccessesOfCase(ctx.db, course) : [];
}

/** The openings a leader has to review: of the cases her organisation owns, oldest first. */
export async function emergencyAccessesForReview(ctx: Context, first: number | null | undefined): Promise<EmergencyAccessRow[]> {
  const { principal } = ctx;
  if (!principal.roles.includes("leader")) return [];
  const owned =
    principal.sector === "BOERNEHUS"
      ? { region: principal.organisation as CaseRow["region"] }
      : principal.sector === "MUNICIPALITY"
        ? { municipalityCode: principal.organisation }
        : null;
  if (!owned) return [];
  return unreviewedEmergencyAccesses(ctx.db, owned, Math.min(Math.max(first ?? 50, 1), 500));
}

export async function openCaseInEmergency(ctx: Context, input: OpenCaseInEmergencyInput): Promise<CaseRow> {
  const reason = nonEmpty(input.reason, "reason", 2000);
  if (reason.length < MIN_EMERGENCY_REASON) {
    throw badInput(
      `Give a reason of at least ${MIN_EMERGENCY_REASON} characters: it is recorded and reviewed by the case's owners.`,
      "reason",
    );
  }
  const course = await ctx.loaders.caseById.load(assertUuid(input.caseId, "caseId"));
  const { principal } = ctx;
  const serving = course ? await participantsOfCase(ctx.db, course) : [];
  // Not eligible, or no such case: the same NOT_FOUND, so the refusal tells nothing of the case.
  if (!course || !mayBreakGlass(principal, course, serving)) {
    ctx.audit.deny("BoernehusCase", "emergencyAccess", { caseId: course?.id });
    throw notFound("The case");
  }
  await createEmergencyAccess(ctx.db, course, {
    sub: principal.sub,
    name: principal.name,
    sector: principal.sector,
    organisation: principal.organisation,
    reason,
    openedAt: ctx.access.now,
    expiresAt: new Date(ctx.access.now.getTime() + ctx.access.emergencyHours * 3_600_000),
  });
  ctx.audit.touch("BoernehusCase", "emergencyAccess", { caseId: course.id });
  return course;
}

export async function reviewEmergencyAccess(ctx: Context, input: ReviewEmergencyAccessInput): Promise<EmergencyAccessRow> {
  return inTransaction(ctx.db, async (tx) => {
    // A malformed id names no row (and would fail the statement): not found, like any unknown id.
    const access = isUuid(input.id) ? await emergencyAccessWithCase(tx, input.id) : null;
    // Only a leader of the organisation that owns the case reviews it; to anyone else it does not exist.
    if (!access || !organisationWide(ctx.principal, access.case) || !ctx.principal.roles.includes("leader")) {
      throw notFound("The emergency access");
    }
    if (access.reviewedAt) throw conflict(`This emergency access was already reviewed by ${access.reviewedByName ?? "someone"}.`);
    const now = ctx.clock.now();
    if (input.outcome === "UNJUSTIFIED") {
      // Revoked at once: every opening of this case by this person ends now, not when it would expire.
      await revokeOpenings(tx, access, now);
      // The person's own leader and the data protection officer of their organisation are told.
      await ctx.alerts.raise(
        [
          {
            kind: EMERGENCY_UNJUSTIFIED_ALERT,
            caseId: access.caseId,
            subjectId: access.id,
            dueAt: now,
            sector: access.sector,
            organisation: access.organisation,
            recipient: { roles: ["leader", "dpo"] },
          },
        ],
        now,
      );
    }
    return recordReview(tx, access, {
      reviewedAt: now,
      ...(input.outcome === "UNJUSTIFIED" && access.expiresAt > now ? { expiresAt: now } : {}),
      reviewedByName: ctx.principal.name,
      reviewOutcome: input.outcome,
      reviewNote: input.note?.trim() || null,
    });
  });
}

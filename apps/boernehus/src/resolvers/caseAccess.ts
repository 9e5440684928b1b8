import { MAX_PURPOSE_LENGTH, signCaseGrant } from "@samraad/access";
import { assertUuid, badInput, conflict, isUuid, nonEmpty, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import type { CaseRow } from "../data/rows.ts";
import { MIN_EMERGENCY_REASON, mayBreakGlass, organisationWide } from "../domain/caseAccess.ts";
import type { BoernehusCaseResolvers, MutationResolvers, QueryResolvers, RecommendationResolvers } from "../generated/graphql.ts";

/** The alert a review finding UNJUSTIFIED raises for the opener's leader and DPO. */
export const EMERGENCY_UNJUSTIFIED_ALERT = "EMERGENCY_ACCESS_UNJUSTIFIED";

/**
 * Signs the grant the other subgraphs require, or null when the principal has no access.
 * A write grant needs a write basis: emergency access is read-only. `record` binds a write
 * grant to one record of the case (a recommendation).
 */
async function grantFor(course: CaseRow | null, ctx: Context, write?: { record?: string }): Promise<string | null> {
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

export const caseAccessFields: Pick<BoernehusCaseResolvers, "myAccess" | "accessGrant" | "writeGrant" | "emergencyAccesses"> = {
  myAccess: async (course, _args, ctx) => {
    const basis = await ctx.access.basis(course);
    if (!basis) throw notFound("The case");
    return { basis, expiresAt: basis === "EMERGENCY" ? await ctx.access.emergencyUntil(course.id) : null };
  },
  accessGrant: (course, _args, ctx) => grantFor(course, ctx),
  writeGrant: (course, _args, ctx) => grantFor(course, ctx, {}),
  // Who broke the glass is for the owning organisation's leaders to review, not for every participant.
  emergencyAccesses: (course, _args, ctx) =>
    organisationWide(ctx.principal, course)
      ? ctx.db.emergencyAccess.findMany({ where: { caseId: course.id }, orderBy: { openedAt: "desc" } })
      : [],
};

export const recommendationAccessFields: Pick<RecommendationResolvers, "accessGrant" | "writeGrant"> = {
  accessGrant: async (recommendation, _args, ctx) => grantFor(await ctx.loaders.caseById.load(recommendation.caseId), ctx),
  writeGrant: async (recommendation, _args, ctx) =>
    grantFor(await ctx.loaders.caseById.load(recommendation.caseId), ctx, { record: recommendation.id }),
};

export const caseAccessQueries: Pick<QueryResolvers, "emergencyAccessesForReview"> = {
  emergencyAccessesForReview: async (_root, { first }, ctx) => {
    const { principal } = ctx;
    if (!principal.roles.includes("leader")) return [];
    const owned =
      principal.sector === "BOERNEHUS"
        ? { region: principal.organisation as CaseRow["region"] }
        : principal.sector === "MUNICIPALITY"
          ? { municipalityCode: principal.organisation }
          : null;
    if (!owned) return [];
    return ctx.db.emergencyAccess.findMany({
      where: { reviewedAt: null, case: owned },
      orderBy: { openedAt: "asc" },
      take: Math.min(Math.max(first ?? 50, 1), 500),
    });
  },
};

export const caseAccessMutations: Pick<MutationResolvers, "openCaseInEmergency" | "reviewEmergencyAccess"> = {
  openCaseInEmergency: async (_root, { input }, ctx) => {
    const reason = nonEmpty(input.reason, "reason", 2000);
    if (reason.length < MIN_EMERGENCY_REASON) {
      throw badInput(
        `Give a reason of at least ${MIN_EMERGENCY_REASON} characters: it is recorded and reviewed by the case's owners.`,
        "reason",
      );
    }
    const course = await ctx.loaders.caseById.load(assertUuid(input.caseId, "caseId"));
    const { principal } = ctx;
    const serving = course
      ? await ctx.db.caseParticipant.findMany({ where: { caseId: course.id }, select: { sector: true, organisation: true } })
      : [];
    // Not eligible, or no such case: the same NOT_FOUND, so the refusal tells nothing of the case.
    if (!course || !mayBreakGlass(principal, course, serving)) {
      ctx.audit.deny("BoernehusCase", "emergencyAccess", { caseId: course?.id });
      throw notFound("The case");
    }
    await ctx.db.emergencyAccess.create({
      data: {
        caseId: course.id,
        sub: principal.sub,
        name: principal.name,
        sector: principal.sector,
        organisation: principal.organisation,
        reason,
        openedAt: ctx.access.now,
        expiresAt: new Date(ctx.access.now.getTime() + ctx.access.emergencyHours * 3_600_000),
      },
    });
    ctx.audit.touch("BoernehusCase", "emergencyAccess", { caseId: course.id });
    return course;
  },
  reviewEmergencyAccess: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      // A malformed id names no row (and would fail the statement): not found, like any unknown id.
      const access = isUuid(input.id) ? await tx.emergencyAccess.findUnique({ where: { id: input.id }, include: { case: true } }) : null;
      // Only a leader of the organisation that owns the case reviews it; to anyone else it does not exist.
      if (!access || !organisationWide(ctx.principal, access.case) || !ctx.principal.roles.includes("leader")) {
        throw notFound("The emergency access");
      }
      if (access.reviewedAt) throw conflict(`This emergency access was already reviewed by ${access.reviewedByName ?? "someone"}.`);
      const now = ctx.clock.now();
      if (input.outcome === "UNJUSTIFIED") {
        // Revoked at once: every opening of this case by this person ends now, not when it would expire.
        await tx.emergencyAccess.updateMany({
          where: { caseId: access.caseId, sub: access.sub, expiresAt: { gt: now } },
          data: { expiresAt: now },
        });
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
      const { case: _case, ...row } = await tx.emergencyAccess.update({
        where: { id: access.id },
        data: {
          reviewedAt: now,
          ...(input.outcome === "UNJUSTIFIED" && access.expiresAt > now ? { expiresAt: now } : {}),
          reviewedByName: ctx.principal.name,
          reviewOutcome: input.outcome,
          reviewNote: input.note?.trim() || null,
        },
        include: { case: true },
      });
      return row;
    }),
};

import { signCaseGrant } from "@samraad/access";
import { badInput, conflict, forbidden, isUuid, nonEmpty, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import type { CaseRow } from "../data/rows.ts";
import { MIN_EMERGENCY_REASON, organisationWide } from "../domain/caseAccess.ts";
import type { BoernehusCaseResolvers, MutationResolvers, QueryResolvers, RecommendationResolvers } from "../generated/graphql.ts";

/** Signs the grant the other subgraphs require, or null when the principal has no access. */
async function grantFor(course: CaseRow | null, ctx: Context): Promise<string | null> {
  if (!course) return null;
  const basis = await ctx.access.basis(course);
  if (!basis) return null;
  return signCaseGrant(
    { caseId: course.id, sub: ctx.principal.sub, basis, municipalityCode: course.municipalityCode, region: course.region },
    ctx.grantKeys,
  );
}

export const caseAccessFields: Pick<BoernehusCaseResolvers, "myAccess" | "accessGrant" | "emergencyAccesses"> = {
  myAccess: async (course, _args, ctx) => {
    const basis = await ctx.access.basis(course);
    if (!basis) throw notFound("The case");
    return { basis, expiresAt: basis === "EMERGENCY" ? await ctx.access.emergencyUntil(course.id) : null };
  },
  accessGrant: (course, _args, ctx) => grantFor(course, ctx),
  // Who broke the glass is for the owning organisation's leaders to review, not for every participant.
  emergencyAccesses: (course, _args, ctx) =>
    organisationWide(ctx.principal, course)
      ? ctx.db.emergencyAccess.findMany({ where: { caseId: course.id }, orderBy: { openedAt: "desc" } })
      : [],
};

export const recommendationAccessFields: Pick<RecommendationResolvers, "accessGrant"> = {
  accessGrant: async (recommendation, _args, ctx) => grantFor(await ctx.loaders.caseById.load(recommendation.caseId), ctx),
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
    const course = await ctx.loaders.caseById.load(input.caseId);
    if (!course) throw notFound("The case");
    const { principal } = ctx;
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
      if (!access) throw notFound("The emergency access");
      if (!organisationWide(ctx.principal, access.case) || !ctx.principal.roles.includes("leader")) {
        throw forbidden("Only a leader of the organisation that owns the case reviews its emergency access.");
      }
      if (access.reviewedAt) throw conflict(`This emergency access was already reviewed by ${access.reviewedByName ?? "someone"}.`);
      const { case: _case, ...row } = await tx.emergencyAccess.update({
        where: { id: access.id },
        data: {
          reviewedAt: ctx.clock.now(),
          reviewedByName: ctx.principal.name,
          reviewOutcome: input.outcome,
          reviewNote: input.note?.trim() || null,
        },
        include: { case: true },
      });
      return row;
    }),
};

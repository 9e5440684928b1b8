import { assessmentForReferral } from "../domain/childAssessment.ts";
import type { BoernehusCaseResolvers } from "../generated/graphql.ts";
import { requireGrant } from "./caseGrant.ts";

/**
 * The municipality's part of the hub entity, all resolved from Referral.caseId through loaders.
 * Every field needs the børnehus subgraph's grant for this principal and case before anything is loaded.
 */
export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id, accessGrant: (ref as { accessGrant?: string | null }).accessGrant ?? null }),
  referral: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    return ctx.loaders.referralByCaseId.load(ref.id);
  },
  child: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    return referral ? ctx.loaders.childById.load(referral.childId) : null;
  },
  childAssessment: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    if (!referral) return null;
    return assessmentForReferral(await ctx.loaders.assessmentsByChildId.load(referral.childId), referral.referredAt);
  },
  caseworker: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    return (await ctx.loaders.assignmentsByCaseId.load(ref.id)).findLast((a) => a.to === null) ?? null;
  },
  caseworkerHistory: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    return ctx.loaders.assignmentsByCaseId.load(ref.id);
  },
  measures: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    return ctx.loaders.measuresByCaseId.load(ref.id);
  },
  recommendationResponses: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    return ctx.loaders.responsesByCaseId.load(ref.id);
  },
};

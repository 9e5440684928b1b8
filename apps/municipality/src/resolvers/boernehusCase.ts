import { assessmentForReferral } from "../domain/childAssessment.ts";
import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

/** The municipality's part of the hub entity, all resolved from Referral.caseId through loaders. */
export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  referral: (ref, _args, ctx) => ctx.loaders.referralByCaseId.load(ref.id),
  child: async (ref, _args, ctx) => {
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    return referral ? ctx.loaders.childById.load(referral.childId) : null;
  },
  childAssessment: async (ref, _args, ctx) => {
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    if (!referral) return null;
    return assessmentForReferral(await ctx.loaders.assessmentsByChildId.load(referral.childId), referral.referredAt);
  },
  caseworker: async (ref, _args, ctx) => (await ctx.loaders.assignmentsByCaseId.load(ref.id)).findLast((a) => a.to === null) ?? null,
  caseworkerHistory: (ref, _args, ctx) => ctx.loaders.assignmentsByCaseId.load(ref.id),
  measures: (ref, _args, ctx) => ctx.loaders.measuresByCaseId.load(ref.id),
  recommendationResponses: (ref, _args, ctx) => ctx.loaders.responsesByCaseId.load(ref.id),
};

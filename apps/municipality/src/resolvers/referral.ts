import { notFound } from "@samraad/subgraph-kit";
import { listReferrals, referToBoernehus } from "../domain/referral.ts";
import type { MutationResolvers, QueryResolvers, ReferralResolvers } from "../generated/graphql.ts";
import { visibleReferral } from "./visible.ts";

export const Referral: ReferralResolvers = {
  __resolveReference: async (ref, ctx) => visibleReferral(await ctx.loaders.referralById.load(ref.id), ctx),
  child: async (referral, _args, ctx) => (await ctx.loaders.childById.load(referral.childId))!,
};

export const referralQueries: Pick<QueryResolvers, "referral" | "referralsForMunicipality"> = {
  referral: async (_root, { id }, ctx) =>
    visibleReferral(await ctx.loaders.referralById.load(id), ctx) ?? Promise.reject(notFound("The referral")),
  referralsForMunicipality: (_root, { municipalityCode, first }, ctx) => listReferrals(ctx, municipalityCode, first),
};

export const referralMutations: Pick<MutationResolvers, "referToBoernehus"> = {
  referToBoernehus: (_root, { input }, ctx) => referToBoernehus(ctx, input),
};

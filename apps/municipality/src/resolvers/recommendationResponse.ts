import { respondToRecommendation } from "../domain/recommendationResponse.ts";
import type { MutationResolvers, RecommendationResolvers, RecommendationResponseResolvers } from "../generated/graphql.ts";
import { grantedResponse } from "./caseGrant.ts";

export const RecommendationResponse: RecommendationResponseResolvers = {
  measure: (response, _args, ctx) => (response.measureId ? ctx.loaders.measureById.load(response.measureId) : null),
};

/**
 * The børnehus's Recommendation, extended with the municipality's answer to it, behind the
 * børnehus subgraph's grant for the recommendation's case.
 */
export const Recommendation: RecommendationResolvers = {
  __resolveReference: (ref) => ({ id: ref.id, accessGrant: (ref as { accessGrant?: string | null }).accessGrant ?? null }),
  response: (recommendation, _args, ctx) => grantedResponse(ctx, recommendation),
};

export const recommendationResponseMutations: Pick<MutationResolvers, "respondToRecommendation"> = {
  respondToRecommendation: (_root, { input }, ctx) => respondToRecommendation(ctx, input),
};

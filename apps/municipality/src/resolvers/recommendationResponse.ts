import { assertUuid, isUuid, requireWriteGrant } from "@samraad/subgraph-kit";
import { referralOrNotFound } from "../data/find.ts";
import { validateResponse } from "../domain/recommendationResponse.ts";
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
  respondToRecommendation: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const recommendationId = assertUuid(input.recommendationId, "recommendationId");
      const referral = await referralOrNotFound(tx, ctx, input.caseId);
      // The recommendation is the børnehus's: its write grant binds it to this case (issue 19).
      await requireWriteGrant(ctx, input.recommendationGrant, {
        caseId: referral.caseId,
        record: recommendationId,
        what: "The recommendation",
      });
      const measure =
        input.measureId && isUuid(input.measureId) ? await tx.measure.findUnique({ where: { id: input.measureId.toLowerCase() } }) : null;
      const answer = validateResponse(await tx.recommendationResponse.findUnique({ where: { recommendationId } }), {
        ...input,
        caseId: referral.caseId,
        measure,
      });
      // The unique recommendationId backs the check above against a concurrent second answer (P2002 → CONFLICT).
      return tx.recommendationResponse.create({
        data: {
          recommendationId,
          caseId: referral.caseId,
          response: input.response,
          ...answer,
          respondedAt: ctx.clock.now(),
          respondedBySub: ctx.principal.sub,
          respondedByName: ctx.principal.name,
        },
      });
    }),
};

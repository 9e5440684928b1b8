import { addCaseParticipant, removeCaseParticipant, servingOrganisations } from "../domain/invitation.ts";
import type { BoernehusCaseResolvers, MutationResolvers } from "../generated/graphql.ts";

/** The organisations a coordinator may invite people of (the invite form offers them). */
export const participantFields: Pick<BoernehusCaseResolvers, "servingOrganisations"> = {
  servingOrganisations: async (course, _args, ctx) => servingOrganisations(course, await ctx.loaders.participantsByCaseId.load(course.id)),
};

export const caseParticipantMutations: Pick<MutationResolvers, "addCaseParticipant" | "removeCaseParticipant"> = {
  addCaseParticipant: (_root, { input }, ctx) => addCaseParticipant(ctx, input),
  removeCaseParticipant: (_root, { input }, ctx) => removeCaseParticipant(ctx, input),
};

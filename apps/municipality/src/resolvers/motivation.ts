import { recordMunicipalityMotivation } from "../domain/motivation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const motivationMutations: Pick<MutationResolvers, "recordMunicipalityMotivation"> = {
  recordMunicipalityMotivation: (_root, { input, caseGrant }, ctx) => recordMunicipalityMotivation(ctx, input, caseGrant),
};

import { recordBoernehusMotivation } from "../domain/motivation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const motivationMutations: Pick<MutationResolvers, "recordBoernehusMotivation"> = {
  recordBoernehusMotivation: (_root, { input }, ctx) => recordBoernehusMotivation(ctx, input),
};

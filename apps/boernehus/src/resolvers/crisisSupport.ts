import { recordCrisisSupportSession } from "../domain/crisisSupport.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const crisisSupportMutations: Pick<MutationResolvers, "recordCrisisSupportSession"> = {
  recordCrisisSupportSession: (_root, { input }, ctx) => recordCrisisSupportSession(ctx, input),
};

import { referOnward } from "../domain/onwardReferral.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const onwardReferralMutations: Pick<MutationResolvers, "referOnward"> = {
  referOnward: (_root, { input }, ctx) => referOnward(ctx, input),
};

import { recordSuspect } from "../domain/suspect.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const suspectMutations: Pick<MutationResolvers, "recordSuspect"> = {
  recordSuspect: (_root, { input }, ctx) => recordSuspect(ctx, input),
};

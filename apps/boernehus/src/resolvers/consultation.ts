import { recordConsultation } from "../domain/consultation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const consultationMutations: Pick<MutationResolvers, "recordConsultation"> = {
  recordConsultation: (_root, { input }, ctx) => recordConsultation(ctx, input),
};

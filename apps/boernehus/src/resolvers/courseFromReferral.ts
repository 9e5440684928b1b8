import { registerCourseFromReferral } from "../domain/courseFromReferral.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const courseFromReferralMutations: Pick<MutationResolvers, "registerCourseFromReferral"> = {
  registerCourseFromReferral: (_root, { input }, ctx) => registerCourseFromReferral(ctx, input),
};

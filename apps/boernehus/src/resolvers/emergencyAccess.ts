import { emergencyAccessesForReview, emergencyAccessesOf, openCaseInEmergency, reviewEmergencyAccess } from "../domain/emergencyAccess.ts";
import type { BoernehusCaseResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const emergencyAccessFields: Pick<BoernehusCaseResolvers, "emergencyAccesses"> = {
  emergencyAccesses: (course, _args, ctx) => emergencyAccessesOf(ctx, course),
};

export const emergencyAccessQueries: Pick<QueryResolvers, "emergencyAccessesForReview"> = {
  emergencyAccessesForReview: (_root, { first }, ctx) => emergencyAccessesForReview(ctx, first),
};

export const emergencyAccessMutations: Pick<MutationResolvers, "openCaseInEmergency" | "reviewEmergencyAccess"> = {
  openCaseInEmergency: (_root, { input }, ctx) => openCaseInEmergency(ctx, input),
  reviewEmergencyAccess: (_root, { input }, ctx) => reviewEmergencyAccess(ctx, input),
};

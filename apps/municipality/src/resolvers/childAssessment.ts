import { childAssessmentDueAt, childAssessmentStatus, completeChildAssessment, decideChildAssessment } from "../domain/childAssessment.ts";
import type { ChildAssessmentResolvers, MutationResolvers } from "../generated/graphql.ts";

export const ChildAssessment: ChildAssessmentResolvers = {
  dueAt: (assessment) => childAssessmentDueAt(assessment),
  status: (assessment) => childAssessmentStatus(assessment),
};

export const childAssessmentMutations: Pick<MutationResolvers, "decideChildAssessment" | "completeChildAssessment"> = {
  decideChildAssessment: (_root, { input }, ctx) => decideChildAssessment(ctx, input),
  completeChildAssessment: (_root, { input }, ctx) => completeChildAssessment(ctx, input),
};

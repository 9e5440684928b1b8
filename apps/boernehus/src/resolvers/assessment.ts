import { assessmentStatus, completeAssessment, startAssessment } from "../domain/assessment.ts";
import type { AssessmentResolvers, MutationResolvers } from "../generated/graphql.ts";

export const Assessment: AssessmentResolvers = {
  status: (assessment) => assessmentStatus(assessment),
};

export const assessmentMutations: Pick<MutationResolvers, "startAssessment" | "completeAssessment"> = {
  startAssessment: (_root, { input }, ctx) => startAssessment(ctx, input),
  completeAssessment: (_root, { input }, ctx) => completeAssessment(ctx, input),
};

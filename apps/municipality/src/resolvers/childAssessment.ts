import { childAssessmentOrNotFound, childOrNotFound } from "../data/find.ts";
import { assertCanComplete, assertCanDecide, childAssessmentDueAt, childAssessmentStatus } from "../domain/childAssessment.ts";
import type { ChildAssessmentResolvers, MutationResolvers } from "../generated/graphql.ts";

export const ChildAssessment: ChildAssessmentResolvers = {
  dueAt: (assessment) => childAssessmentDueAt(assessment),
  status: (assessment) => childAssessmentStatus(assessment),
};

export const childAssessmentMutations: Pick<MutationResolvers, "decideChildAssessment" | "completeChildAssessment"> = {
  decideChildAssessment: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const child = await childOrNotFound(tx, ctx, input.childId);
      assertCanDecide(await tx.childAssessment.findMany({ where: { childId: child.id } }), child, input.decidedAt, ctx.clock.now());
      return tx.childAssessment.create({ data: { childId: child.id, decidedAt: input.decidedAt } });
    }),
  completeChildAssessment: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const assessment = await childAssessmentOrNotFound(tx, ctx, input.childAssessmentId);
      assertCanComplete(assessment, input.completedAt, ctx.clock.now());
      return tx.childAssessment.update({ where: { id: assessment.id, completedAt: null }, data: { completedAt: input.completedAt } });
    }),
};

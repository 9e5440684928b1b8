import { assertUuid, notFound } from "@samraad/subgraph-kit";
import { childOrNotFound } from "../data/find.ts";
import { assertActsFor } from "../domain/access.ts";
import { assertCanComplete, assertCanDecide, childAssessmentDueAt, childAssessmentStatus } from "../domain/childAssessment.ts";
import type { ChildAssessmentResolvers, MutationResolvers } from "../generated/graphql.ts";

export const ChildAssessment: ChildAssessmentResolvers = {
  dueAt: (assessment) => childAssessmentDueAt(assessment),
  status: (assessment) => childAssessmentStatus(assessment),
};

export const childAssessmentMutations: Pick<MutationResolvers, "decideChildAssessment" | "completeChildAssessment"> = {
  decideChildAssessment: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const child = await childOrNotFound(tx, input.childId);
      assertActsFor(ctx.principal, child.municipalityCode);
      assertCanDecide(await tx.childAssessment.findMany({ where: { childId: child.id } }), child, input.decidedAt, ctx.clock.now());
      return tx.childAssessment.create({ data: { childId: child.id, decidedAt: input.decidedAt } });
    }),
  completeChildAssessment: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const assessment = await tx.childAssessment.findUnique({
        where: { id: assertUuid(input.childAssessmentId, "childAssessmentId") },
        include: { child: true },
      });
      if (!assessment) throw notFound("The child assessment");
      assertActsFor(ctx.principal, assessment.child.municipalityCode);
      assertCanComplete(assessment, input.completedAt, ctx.clock.now());
      return tx.childAssessment.update({ where: { id: assessment.id, completedAt: null }, data: { completedAt: input.completedAt } });
    }),
};

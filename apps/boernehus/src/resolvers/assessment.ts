import { invalidTransition } from "@samraad/subgraph-kit";
import { lockCase } from "../data/lookup.ts";
import { assertCanComplete, assertCanStart, assessmentStatus } from "../domain/assessment.ts";
import type { AssessmentResolvers, MutationResolvers } from "../generated/graphql.ts";

export const Assessment: AssessmentResolvers = {
  status: (assessment) => assessmentStatus(assessment),
};

export const assessmentMutations: Pick<MutationResolvers, "startAssessment" | "completeAssessment"> = {
  startAssessment: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      assertCanStart(course, await tx.assessment.findUnique({ where: { caseId: course.id } }), input.startedAt, ctx.clock.now());
      return tx.assessment.create({ data: { caseId: course.id, startedAt: input.startedAt } });
    }),

  completeAssessment: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      const assessment = await tx.assessment.findUnique({ where: { caseId: course.id } });
      if (!assessment) throw invalidTransition("The course's assessment has not been started: start it first.");
      const summary = assertCanComplete(course, assessment, input.completedAt, input.summary, ctx.clock.now());
      return tx.assessment.update({ where: { id: assessment.id }, data: { completedAt: input.completedAt, summary } });
    }),
};

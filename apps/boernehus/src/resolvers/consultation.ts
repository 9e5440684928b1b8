import { lockCase } from "../data/lookup.ts";
import { validateConsultation } from "../domain/consultation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const consultationMutations: Pick<MutationResolvers, "recordConsultation"> = {
  recordConsultation: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      const consultation = validateConsultation(course, input, ctx.clock.now());
      return tx.consultation.create({ data: { caseId: course.id, ...consultation } });
    }),
};

import { lockCase } from "../data/lookup.ts";
import { validateCrisisSupportSession } from "../domain/crisisSupport.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const crisisSupportMutations: Pick<MutationResolvers, "recordCrisisSupportSession"> = {
  recordCrisisSupportSession: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      const session = validateCrisisSupportSession(course, input, ctx.clock.now());
      return tx.crisisSupportSession.create({ data: { caseId: course.id, ...session } });
    }),
};

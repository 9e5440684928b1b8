import { lockCase } from "../data/lookup.ts";
import { motivationCaseState, saveMotivation } from "../data/motivation.ts";
import { validateBoernehusMotivation } from "../domain/motivation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const motivationMutations: Pick<MutationResolvers, "recordBoernehusMotivation"> = {
  // Row rules as for every børnehus write: the børnehus that runs the course, or its staff in the samråd.
  recordBoernehusMotivation: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      const state = await motivationCaseState(tx, course.id, input.setPoint);
      const record = validateBoernehusMotivation(course, state, input);
      return saveMotivation(tx, course.id, record, ctx.principal, ctx.clock.now());
    }),
};

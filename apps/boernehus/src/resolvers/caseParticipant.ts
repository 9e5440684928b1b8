import { conflict } from "@samraad/subgraph-kit";
import { lockCase } from "../data/lookup.ts";
import { assertCourseOpen } from "../domain/course.ts";
import { validateCaseParticipant } from "../domain/participants.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const caseParticipantMutations: Pick<MutationResolvers, "addCaseParticipant"> = {
  addCaseParticipant: async (_root, { input }, ctx) => {
    const participant = validateCaseParticipant(input);
    return ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      assertCourseOpen(course);
      const existing = await tx.caseParticipant.findUnique({ where: { caseId_sub: { caseId: course.id, sub: participant.sub } } });
      if (existing) throw conflict(`${existing.name} (${participant.sub}) already takes part in the case.`);
      return tx.caseParticipant.create({ data: { caseId: course.id, ...participant } });
    });
  },
};

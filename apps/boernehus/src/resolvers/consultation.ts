import { createConsultation } from "../data/consultations.ts";
import { lockCase } from "../data/lookup.ts";
import { assertMayRecordConsultation, validateConsultation } from "../domain/consultation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const consultationMutations: Pick<MutationResolvers, "recordConsultation"> = {
  recordConsultation: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      // Row level first: a case the caller may not see is NOT_FOUND; emergency access is read-only.
      const course = await lockCase(tx, input.caseId, ctx.access, "participate");
      assertMayRecordConsultation(ctx.principal, course, await ctx.access.basisWithin(tx, course), input.withSector);
      const consultation = validateConsultation(course, input, ctx.clock.now());
      return createConsultation(tx, course.id, consultation, { sector: ctx.principal.sector, name: ctx.principal.name });
    }),
};

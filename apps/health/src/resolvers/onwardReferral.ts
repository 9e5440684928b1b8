import { examinationOrNotFound } from "../data/find.ts";
import { assertCanReferOnward } from "../domain/onwardReferral.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const onwardReferralMutations: Pick<MutationResolvers, "referOnward"> = {
  referOnward: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const exam = await examinationOrNotFound(tx, ctx, input.examinationId);
      const { reason } = assertCanReferOnward(exam, input, ctx.clock.now());
      return tx.onwardReferral.create({
        data: { examinationId: exam.id, caseId: exam.caseId, target: input.target, referredAt: input.referredAt, reason },
      });
    }),
};

import { isUuid, notFound } from "@samraad/subgraph-kit";
import { assertHealthOfRegion } from "../domain/access.ts";
import { assertCanReferOnward } from "../domain/onwardReferral.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const onwardReferralMutations: Pick<MutationResolvers, "referOnward"> = {
  referOnward: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const exam = isUuid(input.examinationId) ? await tx.medicalExamination.findUnique({ where: { id: input.examinationId } }) : null;
      if (!exam) throw notFound("The medical examination");
      assertHealthOfRegion(ctx.principal, exam.hospitalRegion);
      const { reason } = assertCanReferOnward(exam, input, ctx.clock.now());
      return tx.onwardReferral.create({
        data: { examinationId: exam.id, caseId: exam.caseId, target: input.target, referredAt: input.referredAt, reason },
      });
    }),
};

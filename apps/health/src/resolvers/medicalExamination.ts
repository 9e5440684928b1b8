import { notFound } from "@samraad/subgraph-kit";
import { visibleExamination } from "../domain/access.ts";
import { cancelExamination, recordExaminationPerformed, scheduleExamination } from "../domain/medicalExamination.ts";
import type { MedicalExaminationResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const MedicalExamination: MedicalExaminationResolvers = {
  __resolveReference: async (ref, ctx) => visibleExamination(await ctx.loaders.examinationById.load(ref.id), ctx.principal),
  onwardReferrals: (exam, _args, ctx) => ctx.loaders.referralsByExaminationId.load(exam.id),
};

export const medicalExaminationQueries: Pick<QueryResolvers, "medicalExamination"> = {
  medicalExamination: async (_root, { id }, ctx) =>
    visibleExamination(await ctx.loaders.examinationById.load(id), ctx.principal) ?? Promise.reject(notFound("The medical examination")),
};

export const medicalExaminationMutations: Pick<
  MutationResolvers,
  "scheduleMedicalExamination" | "recordMedicalExaminationPerformed" | "cancelMedicalExamination"
> = {
  scheduleMedicalExamination: (_root, { input }, ctx) => scheduleExamination(ctx, input),
  recordMedicalExaminationPerformed: (_root, { input }, ctx) => recordExaminationPerformed(ctx, input),
  cancelMedicalExamination: (_root, { input }, ctx) => cancelExamination(ctx, input),
};

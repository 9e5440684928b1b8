import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  medicalExaminations: (ref, _args, ctx) => ctx.loaders.examinationsByCaseId.load(ref.id),
  onwardReferrals: (ref, _args, ctx) => ctx.loaders.referralsByCaseId.load(ref.id),
};

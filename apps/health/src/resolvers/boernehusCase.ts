import { requireCaseGrant } from "@samraad/subgraph-kit";
import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

// Row level: nothing of a case is loaded without the børnehus subgraph's grant for this
// principal and this case (requireCaseGrant, batched per request).
export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id, accessGrant: (ref as { accessGrant?: string | null }).accessGrant ?? null }),
  medicalExaminations: async (ref, _args, ctx) => {
    await requireCaseGrant(ctx, ref);
    return ctx.loaders.examinationsByCaseId.load(ref.id);
  },
  onwardReferrals: async (ref, _args, ctx) => {
    await requireCaseGrant(ctx, ref);
    return ctx.loaders.referralsByCaseId.load(ref.id);
  },
};

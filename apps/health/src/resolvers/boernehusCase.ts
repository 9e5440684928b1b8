import { grantedCaseField } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

// Row level: nothing of a case is loaded without the børnehus subgraph's grant for this
// principal and this case (grantedCaseField checks it with requireCaseGrant, batched per request).
export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id, accessGrant: (ref as { accessGrant?: string | null }).accessGrant ?? null }),
  medicalExaminations: grantedCaseField((ctx: Context, caseId) => ctx.loaders.examinationsByCaseId.load(caseId)),
  onwardReferrals: grantedCaseField((ctx: Context, caseId) => ctx.loaders.referralsByCaseId.load(caseId)),
};

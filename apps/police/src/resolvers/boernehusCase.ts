import { requireCaseGrant } from "@samraad/subgraph-kit";
import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id, accessGrant: (ref as { accessGrant?: string | null }).accessGrant ?? null }),
  policeReport: async (ref, _args, ctx) => {
    await requireCaseGrant(ctx, ref);
    return ctx.loaders.reportByCaseId.load(ref.id);
  },
};

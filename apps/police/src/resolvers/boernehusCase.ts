import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

export const BoernehusCase: BoernehusCaseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  policeReport: (ref, _args, ctx) => ctx.loaders.reportByCaseId.load(ref.id),
};

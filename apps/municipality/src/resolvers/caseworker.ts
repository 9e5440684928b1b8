import { caseworkerCaseloads, reportCaseworkerCaseload } from "../domain/caseload.ts";
import { assignCaseworker } from "../domain/caseworker.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const caseworkerMutations: Pick<MutationResolvers, "assignCaseworker" | "reportCaseworkerCaseload"> = {
  assignCaseworker: (_root, { input }, ctx) => assignCaseworker(ctx, input),
  reportCaseworkerCaseload: (_root, { input }, ctx) => reportCaseworkerCaseload(ctx, input),
};

export const caseworkerQueries: Pick<QueryResolvers, "caseworkerCaseloads"> = {
  caseworkerCaseloads: (_root, _args, ctx) => caseworkerCaseloads(ctx),
};

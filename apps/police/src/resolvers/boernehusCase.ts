import { grantedCaseField, requireCaseGrant } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { policeClocks } from "../domain/clocks.ts";
import type { BoernehusCaseResolvers } from "../generated/graphql.ts";

export const BoernehusCase: BoernehusCaseResolvers = {
  // The representation is the CaseRef: id, the grant and the child's age (@requires).
  __resolveReference: (ref) => ref,
  policeReport: grantedCaseField((ctx: Context, caseId) => ctx.loaders.reportByCaseId.load(caseId)),
  policeClocks: async (ref, _args, ctx) => {
    await requireCaseGrant(ctx, ref);
    const report = await ctx.loaders.reportByCaseId.load(ref.id);
    const interviews = report ? await ctx.loaders.interviewsByReportId.load(report.id) : [];
    return policeClocks(report, interviews, ref.childAgeAtReferral ?? null, ctx.clock.definitions, ctx.clock.now());
  },
};

import { notFound } from "@samraad/subgraph-kit";
import { visibleReport } from "../domain/access.ts";
import { decideInvestigation, fileReport } from "../domain/investigation.ts";
import type { MutationResolvers, PoliceReportResolvers, QueryResolvers } from "../generated/graphql.ts";

export const PoliceReport: PoliceReportResolvers = {
  __resolveReference: async (ref, ctx) => visibleReport(await ctx.loaders.reportById.load(ref.id), ctx.principal),
  videoInterviews: (report, _args, ctx) => ctx.loaders.interviewsByReportId.load(report.id),
  suspects: (report, _args, ctx) => ctx.loaders.suspectsByReportId.load(report.id),
  suspectRelations: async (report, _args, ctx) => {
    const suspects = await ctx.loaders.suspectsByReportId.load(report.id);
    return [...new Set(suspects.map((s) => s.relation))];
  },
};

export const policeReportQueries: Pick<QueryResolvers, "policeReport"> = {
  policeReport: async (_root, { id }, ctx) =>
    visibleReport(await ctx.loaders.reportById.load(id), ctx.principal) ?? Promise.reject(notFound("The police report")),
};

export const policeReportMutations: Pick<MutationResolvers, "filePoliceReport" | "recordInvestigationDecision"> = {
  filePoliceReport: (_root, { input }, ctx) => fileReport(ctx, input),
  recordInvestigationDecision: (_root, { input }, ctx) => decideInvestigation(ctx, input),
};

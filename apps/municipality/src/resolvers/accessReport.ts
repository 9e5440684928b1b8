import { accessLogEntries, notFound } from "@samraad/subgraph-kit";
import { accessReportFor, accessReportForCpr } from "../domain/accessReport.ts";
import type { AccessReportResolvers, QueryResolvers } from "../generated/graphql.ts";

export const AccessReport: AccessReportResolvers = {
  __resolveReference: (ref, ctx) => accessReportFor(ctx, ref.childId),
  municipalityLog: (report, _args, ctx) => accessLogEntries(ctx, report),
};

export const accessReportQueries: Pick<QueryResolvers, "accessReport" | "accessReportForCpr"> = {
  accessReport: async (_root, { childId }, ctx) => (await accessReportFor(ctx, childId)) ?? Promise.reject(notFound("The child")),
  accessReportForCpr: (_root, { cpr }, ctx) => accessReportForCpr(ctx, cpr),
};

import { notFound } from "@samraad/subgraph-kit";
import { assertDecision, validateDistrict, validateJournalNumber } from "../domain/investigation.ts";
import type { MutationResolvers, PoliceReportResolvers, QueryResolvers } from "../generated/graphql.ts";

export const PoliceReport: PoliceReportResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.reportById.load(ref.id),
  videoInterviews: (report, _args, ctx) => ctx.loaders.interviewsByReportId.load(report.id),
  suspects: (report, _args, ctx) => ctx.loaders.suspectsByReportId.load(report.id),
  suspectRelations: async (report, _args, ctx) => {
    const suspects = await ctx.loaders.suspectsByReportId.load(report.id);
    return [...new Set(suspects.map((s) => s.relation))];
  },
};

export const policeReportQueries: Pick<QueryResolvers, "policeReport"> = {
  policeReport: async (_root, { id }, ctx) => (await ctx.loaders.reportById.load(id)) ?? null,
};

export const policeReportMutations: Pick<MutationResolvers, "filePoliceReport" | "recordInvestigationDecision"> = {
  filePoliceReport: async (_root, { input }, ctx) =>
    ctx.db.policeReport.create({
      data: {
        caseId: input.caseId,
        journalNumber: validateJournalNumber(input.journalNumber),
        district: validateDistrict(input.district),
        reportedAt: input.reportedAt,
      },
    }),
  recordInvestigationDecision: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const report = await tx.policeReport.findUnique({ where: { id: input.policeReportId } });
      if (!report) throw notFound("The police report");
      assertDecision(report, input.status, input.decidedAt);
      return tx.policeReport.update({
        where: { id: report.id },
        data: { investigationStatus: input.status, decidedAt: input.decidedAt },
      });
    }),
};

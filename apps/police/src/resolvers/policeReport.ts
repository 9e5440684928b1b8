import type { Principal } from "@samraad/access";
import { assertUuid, notFound, requireWriteGrant } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { reportOrNotFound } from "../data/find.ts";
import type { PoliceReportRow } from "../data/rows.ts";
import { assertPoliceOfDistrict, policeOfDistrict } from "../domain/access.ts";
import { assertDecision, validateDistrict, validateJournalNumber } from "../domain/investigation.ts";
import type { MutationResolvers, PoliceReportResolvers, QueryResolvers } from "../generated/graphql.ts";

export const PoliceReport: PoliceReportResolvers = {
  __resolveReference: async (ref, ctx) => visibleReport(await ctx.loaders.reportById.load(ref.id), ctx),
  videoInterviews: (report, _args, ctx) => ctx.loaders.interviewsByReportId.load(report.id),
  suspects: (report, _args, ctx) => ctx.loaders.suspectsByReportId.load(report.id),
  suspectRelations: async (report, _args, ctx) => {
    const suspects = await ctx.loaders.suspectsByReportId.load(report.id);
    return [...new Set(suspects.map((s) => s.relation))];
  },
};

export const policeReportQueries: Pick<QueryResolvers, "policeReport"> = {
  policeReport: async (_root, { id }, ctx) =>
    (await visibleReport(await ctx.loaders.reportById.load(id), ctx)) ?? Promise.reject(notFound("The police report")),
};

export const policeReportMutations: Pick<MutationResolvers, "filePoliceReport" | "recordInvestigationDecision"> = {
  filePoliceReport: async (_root, { input }, ctx) => {
    const caseId = assertUuid(input.caseId, "caseId");
    const journalNumber = validateJournalNumber(input.journalNumber);
    const district = mineToRecord(validateDistrict(input.district), ctx.principal);
    // The case is the børnehus's: only its write grant says this principal may write to it.
    await requireWriteGrant(ctx, input.caseGrant, { caseId });
    return ctx.db.policeReport.create({ data: { caseId, journalNumber, district, reportedAt: input.reportedAt } });
  },
  recordInvestigationDecision: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const report = await reportOrNotFound(tx, ctx, input.policeReportId);
      assertDecision(report, input.status, input.decidedAt);
      return tx.policeReport.update({
        where: { id: report.id },
        data: { investigationStatus: input.status, decidedAt: input.decidedAt },
      });
    }),
};

/** A report outside the principal's district is answered as if it did not exist. */
export function visibleReport(report: PoliceReportRow | null, ctx: Context): PoliceReportRow | null {
  return report && policeOfDistrict(ctx.principal, report.district) ? report : null;
}

function mineToRecord(district: string, principal: Principal): string {
  assertPoliceOfDistrict(principal, district);
  return district;
}

import { nonEmpty, notFound } from "@samraad/subgraph-kit";
import { assertPoliceOfDistrict } from "../domain/access.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const suspectMutations: Pick<MutationResolvers, "recordSuspect"> = {
  recordSuspect: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const report = await tx.policeReport.findUnique({ where: { id: input.policeReportId } });
      if (!report) throw notFound("The police report");
      assertPoliceOfDistrict(ctx.principal, report.district);
      return tx.suspect.create({
        data: { policeReportId: report.id, name: nonEmpty(input.name, "name", 200), relation: input.relation },
      });
    }),
};

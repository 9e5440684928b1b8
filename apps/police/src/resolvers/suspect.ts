import { nonEmpty } from "@samraad/subgraph-kit";
import { reportOrNotFound } from "../data/find.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const suspectMutations: Pick<MutationResolvers, "recordSuspect"> = {
  recordSuspect: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const report = await reportOrNotFound(tx, ctx, input.policeReportId);
      return tx.suspect.create({
        data: { policeReportId: report.id, name: nonEmpty(input.name, "name", 200), relation: input.relation },
      });
    }),
};

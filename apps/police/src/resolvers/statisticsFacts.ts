import { extractPage, extractResult } from "@samraad/subgraph-kit";
import { statisticsFacts } from "../data/statisticsFacts.ts";
import type { QueryResolvers } from "../generated/graphql.ts";

// The extraction reads every reported course: the scope (statistics:extract, the statistics
// service's machine principal only) is the row rule. Each page is audited with its case ids.
export const statisticsFactQueries: Pick<QueryResolvers, "policeStatisticsFacts"> = {
  policeStatisticsFacts: async (_root, args, ctx) => {
    const { afterId, take } = extractPage(ctx.pseudonymKey, args);
    return extractResult(ctx.pseudonymKey, await statisticsFacts(ctx.db, ctx.pseudonymKey, afterId, take), take);
  },
};

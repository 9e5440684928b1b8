import { DateScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { StatisticsTable, statisticsQueries } from "./statisticsTable.ts";

export const resolvers: Resolvers = {
  Date: DateScalar,
  StatisticsTable,
  Query: { ...statisticsQueries },
};

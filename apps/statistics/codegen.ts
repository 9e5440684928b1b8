import { subgraphCodegenConfig } from "@samraad/subgraph-kit/codegen";

// Resolvers return the domain's table objects; GraphQL types are generated.
export default subgraphCodegenConfig({
  mappers: {
    StatisticsTable: "../domain/table.ts#IndicatorTable",
  },
});

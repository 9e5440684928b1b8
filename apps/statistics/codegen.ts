import { indicatorSdl } from "@samraad/statistics-catalogue/sdl";
import { subgraphCodegenConfig } from "@samraad/subgraph-kit/codegen";

// Resolvers return the domain's table objects; GraphQL types are generated.
export default subgraphCodegenConfig({
  generated: [indicatorSdl()],
  mappers: {
    StatisticsTable: "../domain/table.ts#IndicatorTable",
  },
});

import { type SubgraphDefinition, subgraphFiles } from "@samraad/subgraph-kit";
import { type StatisticsConfig, statisticsEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import { createClient } from "./data/client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";

export const statistics: SubgraphDefinition<PrismaClient, Context, StatisticsConfig> = {
  name: "statistics",
  ...subgraphFiles(import.meta.url),
  environment: statisticsEnvironment,
  resolvers,
  createClient,
  createContext: (db, claims, clock) => ({ ...claims, clock, db }),
};

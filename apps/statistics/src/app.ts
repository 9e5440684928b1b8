import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "@samraad/subgraph-kit";
import { type StatisticsConfig, statisticsEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import { createClient } from "./data/client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";

export const statistics: SubgraphDefinition<PrismaClient, Context, StatisticsConfig> = {
  name: "statistics",
  environment: statisticsEnvironment,
  schemaPath: fileURLToPath(new URL("../schema.graphql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  resolvers,
  createClient,
  createContext: (db, claims, clock) => ({ ...claims, scopes: claims.scopes, clock, db }),
};

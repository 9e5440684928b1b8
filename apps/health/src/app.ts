import { type SubgraphDefinition, subgraphFiles } from "@samraad/subgraph-kit";
import { type HealthConfig, healthEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const health: SubgraphDefinition<Db, Context, HealthConfig> = {
  name: "health",
  ...subgraphFiles(import.meta.url),
  environment: healthEnvironment,
  resolvers,
  createClient,
  createContext: (db, claims, clock) => ({ ...claims, clock, db, loaders: createLoaders(db) }),
};

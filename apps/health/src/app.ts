import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "@samraad/subgraph-kit";
import { type HealthConfig, healthEnvironment } from "./config.ts";
import type { Context } from "./context.ts";
import type { Db } from "./data/client.ts";
import { createClient } from "./data/client.ts";
import { createLoaders } from "./data/loaders.ts";
import { resolvers } from "./resolvers/index.ts";

export const health: SubgraphDefinition<Db, Context, HealthConfig> = {
  name: "health",
  environment: healthEnvironment,
  schemaPath: fileURLToPath(new URL("../schema.graphql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  resolvers,
  createClient,
  createContext: (db, claims, clock) => ({ ...claims, scopes: claims.scopes, clock, db, loaders: createLoaders(db) }),
};

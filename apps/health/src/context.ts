import type { BaseContext } from "@samraad/subgraph-kit";
import type { Db } from "./data/client.ts";
import type { Loaders } from "./data/loaders.ts";

export interface Context extends BaseContext {
  db: Db;
  loaders: Loaders;
}

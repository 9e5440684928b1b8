import type { BaseContext } from "@samraad/subgraph-kit";
import type { PrismaClient } from "./generated/prisma/client.ts";

export interface Context extends BaseContext {
  db: PrismaClient;
}

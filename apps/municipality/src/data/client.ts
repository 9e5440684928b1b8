import { type ClientObservers, observeClient, prismaClientOptions } from "@samraad/subgraph-kit";
import { PrismaClient } from "../generated/prisma/client.ts";

/** One client (and connection pool) per process; the same driver for PGlite and PostgreSQL. */
export function createClient(url: string, observers: ClientObservers = {}): PrismaClient {
  return observeClient(new PrismaClient(prismaClientOptions(url, observers)) as PrismaClient, observers);
}

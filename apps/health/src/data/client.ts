import { type ClientObservers, withKeyedReads } from "@samraad/subgraph-kit";
import { type Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** One client (and connection pool) per process; the same driver for PGlite and PostgreSQL. */
export function createClient(url: string, observers: ClientObservers = {}) {
  return withKeyedReads<PrismaClient, Prisma.ModelName>((options) => new PrismaClient(options), url, observers);
}

/** The Prisma client, plus `keyed` reads for the DataLoaders (see keyedReads.ts in subgraph-kit). */
export type Db = ReturnType<typeof createClient>;

/**
 * One transaction around a lookup, its rules and its write. Inside a mutation this joins the
 * mutation's own transaction (subgraph-kit's transactionalMutations passes a joining client
 * as ctx.db), so the write and its idempotency record still commit together.
 */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}

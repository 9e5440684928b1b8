import { type ClientObservers, withKeyedReads } from "@samraad/subgraph-kit";
import { type Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** One client (and connection pool) per process; the same driver for PGlite and PostgreSQL. */
export function createClient(url: string, observers: ClientObservers = {}) {
  return withKeyedReads<PrismaClient, Prisma.ModelName>((options) => new PrismaClient(options), url, observers);
}

/** The Prisma client, plus `keyed` reads for the DataLoaders (see keyedReads.ts in subgraph-kit). */
export type Db = ReturnType<typeof createClient>;

/** A write's reads, rules and writes in one transaction; in a mutation it joins the mutation's own (transactionalMutations). */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}

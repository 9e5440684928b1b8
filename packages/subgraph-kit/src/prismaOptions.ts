import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createKeyedReader, type KeyedReader } from "./keyedReads.ts";

/** Who wants to see the client's SQL: the N+1 tests count the statements each subgraph runs. */
export interface ClientObservers {
  onQuery?(sql: string): void;
}

/**
 * The options every subgraph's PrismaClient is made with: the same driver for PGlite
 * and PostgreSQL, and transaction limits that suit PGlite, which runs one transaction
 * at a time for all connections (others wait their turn: maxWait), on a busy machine.
 * The pool is the adapter's, and the client's `$disconnect` ends it.
 */
export function prismaClientOptions(urlOrPool: string | pg.Pool, observers: ClientObservers = {}) {
  const pool = typeof urlOrPool === "string" ? openPool(urlOrPool) : urlOrPool;
  return {
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    ...(observers.onQuery ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  };
}

/** The connection pool a subgraph's Prisma client and its keyed reads share. */
export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, PGlite stopping) would otherwise be
  // an unhandled 'error' event that ends the process. The pool drops it and opens a new one.
  pool.on("error", (error) => {
    console.error(JSON.stringify({ level: "warn", msg: "database: idle connection lost", error: error.message }));
  });
  return pool;
}

/** Subscribes the observers to a client made with prismaClientOptions(url, observers). */
export function observeClient<TClient>(client: TClient, observers: ClientObservers = {}): TClient {
  const { onQuery } = observers;
  if (onQuery) (client as { $on(event: "query", listener: (e: { query: string }) => void): void }).$on("query", (e) => onQuery(e.query));
  return client;
}

/**
 * A subgraph's Prisma client with its keyed reads (`keyed`, for the DataLoaders) on the same
 * pool, both observed. `Table` is the subgraph's `Prisma.ModelName`.
 */
export function withKeyedReads<TClient extends object, Table extends string>(
  makeClient: (options: ReturnType<typeof prismaClientOptions>) => TClient,
  url: string,
  observers: ClientObservers = {},
): TClient & { readonly keyed: KeyedReader<Table> } {
  const pool = openPool(url);
  const client = observeClient(makeClient(prismaClientOptions(pool, observers)), observers);
  const disconnect = (client as unknown as { $disconnect(): Promise<void> }).$disconnect.bind(client);
  return Object.assign(client, {
    keyed: createKeyedReader<Table>(pool, observers.onQuery),
    // The adapter ends the pool only if Prisma itself ever connected; keyed reads may have used it alone.
    async $disconnect() {
      await disconnect();
      if (!pool.ended) await pool.end();
    },
  });
}

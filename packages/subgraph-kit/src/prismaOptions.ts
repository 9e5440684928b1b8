import { PrismaPg } from "@prisma/adapter-pg";

/** Who wants to see the client's SQL: the N+1 tests count the statements each subgraph runs. */
export interface ClientObservers {
  onQuery?(sql: string): void;
}

/**
 * The options every subgraph's PrismaClient is made with: the same driver for PGlite
 * and PostgreSQL, and transaction limits that suit PGlite, which runs one transaction
 * at a time for all connections (others wait their turn: maxWait), on a busy machine.
 */
export function prismaClientOptions(url: string, observers: ClientObservers = {}) {
  return {
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    ...(observers.onQuery ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  };
}

/** Subscribes the observers to a client made with prismaClientOptions(url, observers). */
export function observeClient<TClient>(client: TClient, observers: ClientObservers = {}): TClient {
  const { onQuery } = observers;
  if (onQuery) (client as { $on(event: "query", listener: (e: { query: string }) => void): void }).$on("query", (e) => onQuery(e.query));
  return client;
}

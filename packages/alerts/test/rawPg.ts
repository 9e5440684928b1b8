import pg from "pg";
import type { RawClient, RawSql } from "../src/index.ts";

/**
 * The store's RawClient over node-postgres, as a subgraph's Prisma client is over its
 * adapter: the same SQL, the same placeholders, BEGIN … COMMIT around `$transaction`.
 * Every statement sent is recorded in `statements` (the counts docs/webhooks.md cites).
 * One pool per client: two clients on one database are two replicas.
 */
export interface ObservedClient extends RawClient {
  statements: string[];
  close(): Promise<void>;
}

export function rawPgClient(url: string): ObservedClient {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const statements: string[] = [];
  const on = (run: (sql: string, values: unknown[]) => Promise<pg.QueryResult>): RawSql => ({
    async $queryRawUnsafe<T>(sql: string, ...values: unknown[]) {
      return (await run(sql, values)).rows as T;
    },
    async $executeRawUnsafe(sql: string, ...values: unknown[]) {
      return (await run(sql, values)).rowCount ?? 0;
    },
  });
  const observed = (query: (sql: string, values: unknown[]) => Promise<pg.QueryResult>) => (sql: string, values: unknown[]) => {
    statements.push(sql.replace(/\s+/g, " ").trim());
    return query(sql, values);
  };
  return {
    statements,
    ...on(observed((sql, values) => pool.query(sql, values))),
    async $transaction<R>(fn: (tx: RawSql) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      const query = observed((sql, values) => client.query(sql, values));
      try {
        await query("BEGIN", []);
        const result = await fn(on(query));
        await query("COMMIT", []);
        return result;
      } catch (error) {
        await query("ROLLBACK", []).catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

import pg from "pg";
import { parseTimestamptz, TIMESTAMPTZ_OID } from "./timestamptz.ts";

/**
 * Keyed reads for the per-request DataLoaders, in plain SQL over the Prisma client's own pool.
 *
 * Why not Prisma here: Prisma 6.19's query compiler compiles every query again in WebAssembly,
 * about 1.5 ms of CPU for a one-table `findMany` against 0.26 ms for the same statement through
 * node-postgres (measured on the bench machine). The loaders run several such reads for every
 * case in every request, so the compile step was 26-39% of each subgraph's CPU under the
 * case-view load (docs/performance.md). Prisma 7.4 caches query plans, but its CLI cannot run
 * offline (DESIGN.md 4a). Writes, and reads inside write transactions, stay with Prisma.
 *
 * The rows are the same objects Prisma returns for the model (every scalar field, Prisma's
 * JavaScript types): the schemas map neither table nor column names, and the type parsers
 * below convert what node-postgres would otherwise return differently. A test holds every
 * model of every subgraph to that (tests/performance/keyedReads.test.ts).
 */

export type SortDirection = "asc" | "desc";

/** One read: the rows of `table` whose `key` column is one of `keys`, optionally narrowed by equality on other columns. */
export interface KeyedRead<Row> {
  key: keyof Row & string;
  keys: readonly string[];
  where?: Partial<Record<keyof Row & string, string>>;
  orderBy?: ReadonlyArray<readonly [keyof Row & string, SortDirection]>;
}

export interface KeyedReader<Table extends string = string> {
  rows<Row>(table: Table, read: KeyedRead<Row>): Promise<Row[]>;
  /**
   * One plain statement on the same pool, answering the rows it changed: for the statement
   * every request sends (the replay guard's INSERT), which through Prisma's `$executeRawUnsafe`
   * was compiled again each time (about a tenth of børnehus's CPU under the bench).
   */
  execute(text: string, ...values: unknown[]): Promise<number>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Table and column names come from code, never from a request; refuse anything else all the same. */
function quote(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

const OID = { int8: 20, date: 1082, timestamp: 1114, textArray: 1009 } as const;

/**
 * Prisma's JavaScript types where node-postgres differs: `@db.Date` and `timestamp` are UTC
 * (node-postgres reads them in the process's time zone), BigInt is a bigint, and enum arrays
 * (types with per-database OIDs) are string arrays like text[].
 */
function typeParsers(enumArrayOids: ReadonlySet<number>): pg.CustomTypesConfig {
  // text[] (1009) is not among pg-types' named builtins, but its parser is registered.
  const textArray = pg.types.getTypeParser(OID.textArray as Parameters<typeof pg.types.getTypeParser>[0], "text");
  return {
    getTypeParser: ((oid: number, format?: "text" | "binary") => {
      if (oid === OID.date) return (value: string) => new Date(`${value}T00:00:00.000Z`);
      if (oid === OID.timestamp) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
      if (oid === OID.int8) return (value: string) => BigInt(value);
      if (oid === TIMESTAMPTZ_OID) return parseTimestamptz;
      if (enumArrayOids.has(oid)) return textArray;
      return pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig["getTypeParser"],
  };
}

interface Catalog {
  types: pg.CustomTypesConfig;
  /** Per table, its array (Prisma scalar list) columns. */
  listColumns: Map<string, string[]>;
}

/** Read once per pool: the database's enum array types and every table's list columns. */
async function readCatalog(pool: pg.Pool): Promise<Catalog> {
  const [enums, lists] = await Promise.all([
    pool.query<{ oid: number }>("SELECT typarray::int AS oid FROM pg_type WHERE typtype = 'e'"),
    pool.query<{ table: string; column: string }>(
      `SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type = 'ARRAY'`,
    ),
  ]);
  const listColumns = new Map<string, string[]>();
  for (const { table, column } of lists.rows) listColumns.set(table, [...(listColumns.get(table) ?? []), column]);
  return { types: typeParsers(new Set(enums.rows.map((r) => r.oid))), listColumns };
}

/**
 * @param pool the pool the Prisma client's adapter uses (one set of connections; on PGlite one
 *   session, so a read never waits behind a second pool).
 * @param onQuery sees each statement, as Prisma's query event does (the N+1 tests count them).
 */
export function createKeyedReader<Table extends string>(pool: pg.Pool, onQuery?: (sql: string) => void): KeyedReader<Table> {
  let catalog: Promise<Catalog> | null = null;
  const loadCatalog = () => {
    catalog ??= readCatalog(pool).catch((error: unknown) => {
      catalog = null;
      throw error;
    });
    return catalog;
  };
  return {
    async rows<Row>(table: Table, read: KeyedRead<Row>): Promise<Row[]> {
      if (read.keys.length === 0) return [];
      const values: unknown[] = [read.keys];
      const conditions = [`${quote(read.key)} = ANY($1)`];
      for (const [column, value] of Object.entries(read.where ?? {})) {
        values.push(value);
        conditions.push(`${quote(column)} = $${values.length}`);
      }
      const order = (read.orderBy ?? []).map(([column, direction]) => `${quote(column)} ${direction === "desc" ? "DESC" : "ASC"}`);
      const text = `SELECT * FROM ${quote(table)} WHERE ${conditions.join(" AND ")}${order.length ? ` ORDER BY ${order.join(", ")}` : ""}`;
      onQuery?.(text);
      const { types, listColumns } = await loadCatalog();
      const res = await pool.query({ text, values, types });
      // Prisma reads a NULL scalar list as [] (it writes none when a create leaves the list out).
      const lists = listColumns.get(table);
      if (lists) for (const row of res.rows) for (const column of lists) row[column] ??= [];
      return res.rows as Row[];
    },
    async execute(text: string, ...values: unknown[]): Promise<number> {
      onQuery?.(text);
      return (await pool.query(text, values)).rowCount ?? 0;
    },
  };
}

/**
 * The same reads through Prisma, for a request whose data layer is a transaction (every
 * mutation): they must see its uncommitted writes, on its one connection. Mutations are
 * rare next to reads, so the compile cost does not matter there.
 */
export function keyedReaderOverPrisma(client: object): KeyedReader {
  return {
    async rows<Row>(table: string, read: KeyedRead<Row>): Promise<Row[]> {
      const model = table.charAt(0).toLowerCase() + table.slice(1);
      const delegate = Reflect.get(client, model) as { findMany(args: object): Promise<Row[]> } | undefined;
      if (!delegate) throw new Error(`No Prisma model ${JSON.stringify(table)}`);
      if (read.keys.length === 0) return [];
      return delegate.findMany({
        where: { ...read.where, [read.key]: { in: [...read.keys] } },
        orderBy: (read.orderBy ?? []).map(([column, direction]) => ({ [column]: direction })),
      });
    },
    execute: (text: string, ...values: unknown[]) =>
      (client as { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> }).$executeRawUnsafe(text, ...values),
  };
}

/**
 * Set-wise bulk insert for seeding: one INSERT ... SELECT FROM json_populate_recordset
 * per table, all tables in one transaction. Prisma's createMany spends about 0.5 ms of
 * Node CPU per row building and binding parameters, which made seeding 100k courses take
 * half an hour; here PostgreSQL parses one JSON document per table instead.
 *
 * Rows use the Prisma model's field names (the schemas map neither table nor column names).
 * Columns the rows leave out get their database default; the two defaults Prisma fills in
 * on the client (`@default(uuid())`, `@updatedAt`) have no database default, so those are
 * filled here with gen_random_uuid() and now().
 */

/** The part of a Prisma client this needs (tests seed through their subgraph's client). */
export interface BulkInsertClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $transaction(operations: Promise<unknown>[]): Promise<unknown>;
}

/** A node-postgres pool: the seeding scripts write through it, without Prisma's per-call overhead and timeouts. */
export interface SqlPool {
  connect(): Promise<{ query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>; release(): void }>;
}

export type BulkInsertTarget = BulkInsertClient | SqlPool;

/** A table (Prisma model name) and the rows to write into it, in dependency order. */
export type TableRows = readonly [table: string, rows: readonly object[], merge?: MergeOnConflict];

/**
 * For rows that several batches of one seeding may each carry (one row per key of the whole
 * world, computed from a batch): on a row whose `key` is already there, the `greatest` columns
 * keep the greater value and the rest stay as the first batch wrote them.
 */
export interface MergeOnConflict {
  key: readonly string[];
  greatest: readonly string[];
}

interface RequiredColumn {
  table_name: string;
  column_name: string;
  data_type: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const REQUIRED_COLUMNS = `SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
  WHERE table_schema = current_schema() AND table_name = ANY(string_to_array($1, ','))
    AND is_nullable = 'NO' AND column_default IS NULL`;

/** NOT NULL columns without a database default, per table: what a row must carry or we fill. */
function byTable(rows: RequiredColumn[]): Map<string, RequiredColumn[]> {
  const grouped = new Map<string, RequiredColumn[]>();
  for (const row of rows) grouped.set(row.table_name, [...(grouped.get(row.table_name) ?? []), row]);
  return grouped;
}

function fillerFor(column: RequiredColumn): string | null {
  if (column.data_type === "uuid") return "gen_random_uuid()";
  if (column.data_type.startsWith("timestamp")) return "now()";
  return null;
}

/** One INSERT per table: the SQL text and its one parameter, the rows as JSON. */
function statementsFor(tables: readonly TableRows[], required: Map<string, RequiredColumn[]>): Array<[sql: string, json: string]> {
  return tables.map(([table, rows, merge]) => {
    const given = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) given.add(key);
    const filled = (required.get(table) ?? []).flatMap((column) => {
      const filler = given.has(column.column_name) ? null : fillerFor(column);
      return filler ? [{ column: column.column_name, filler }] : [];
    });
    const columns = [...given, ...filled.map((f) => f.column)].map(quote).join(", ");
    const values = [...[...given].map(quote), ...filled.map((f) => f.filler)].join(", ");
    return [
      `INSERT INTO ${quote(table)} (${columns}) SELECT ${values} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)${merge ? onConflict(table, merge) : ""}`,
      JSON.stringify(rows),
    ];
  });
}

function onConflict(table: string, merge: MergeOnConflict): string {
  const greatest = merge.greatest.map((c) => `${quote(c)} = GREATEST(${quote(table)}.${quote(c)}, EXCLUDED.${quote(c)})`).join(", ");
  return ` ON CONFLICT (${merge.key.map(quote).join(", ")}) DO UPDATE SET ${greatest}`;
}

/** Writes the tables' rows, in order, in one transaction. */
export async function bulkInsert(db: BulkInsertTarget, tables: readonly TableRows[]): Promise<void> {
  const nonEmpty = tables.filter(([, rows]) => rows.length > 0);
  if (nonEmpty.length === 0) return;
  const names = nonEmpty.map(([table]) => table).join(",");
  if ("$executeRawUnsafe" in db) {
    const required = byTable(await db.$queryRawUnsafe<RequiredColumn[]>(REQUIRED_COLUMNS, names));
    await db.$transaction(statementsFor(nonEmpty, required).map(([sql, json]) => db.$executeRawUnsafe(sql, json)));
    return;
  }
  const connection = await db.connect();
  try {
    const required = byTable((await connection.query(REQUIRED_COLUMNS, [names])).rows as RequiredColumn[]);
    await connection.query("BEGIN");
    try {
      for (const [sql, json] of statementsFor(nonEmpty, required)) await connection.query(sql, [json]);
      await connection.query("COMMIT");
    } catch (error) {
      await connection.query("ROLLBACK");
      throw error;
    }
  } finally {
    connection.release();
  }
}

/** A table's rows, typed by the caller as the model's CreateManyInput so the shape is checked. */
export function rowsOf<Row extends object>(
  table: string,
  rows: readonly Row[],
  merge?: MergeOnConflict & { key: readonly (keyof Row & string)[]; greatest: readonly (keyof Row & string)[] },
): TableRows {
  return merge ? [table, rows, merge] : [table, rows];
}

/** A synthetic course's instant (an ISO string) as the row's DateTime, for the sectors' seeding. */
export const seedInstant = (iso: string): Date => new Date(iso);
/** The same for an instant the course may not have reached (null stays null). */
export const seedInstantOrNull = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

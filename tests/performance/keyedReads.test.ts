import { type KeyedRead, type KeyedReader, keyedReaderOverPrisma } from "@samraad/subgraph-kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The DataLoaders read through `keyed` (plain SQL, packages/subgraph-kit/src/keyedReads.ts)
 * instead of Prisma, for speed. Resolvers were written against Prisma's rows, so the keyed
 * rows must be the very same objects: every column, Prisma's JavaScript types (UTC dates for
 * `@db.Date`, enum arrays as string arrays, a NULL list as [], ...). Checked for every table of every subgraph,
 * so a column or model added later is covered without touching this test.
 */
type Delegate = { findMany(args: object): Promise<Array<{ id: string }>> };
type Client = Record<string, unknown> & { keyed: KeyedReader };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 150, coursesPerYear: 60 });
}, 240_000);
afterAll(async () => stack?.stop());

/**
 * The subgraph's tables. Also empties one row's list columns to NULL, as a Prisma create that
 * leaves a list out does (seeded rows always have one), which Prisma reads as [].
 */
async function tablesOf(url: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const lists = await pool.query<{ table: string; column: string }>(
      `SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'ARRAY'`,
    );
    for (const { table, column } of lists.rows) {
      await pool.query(`UPDATE "${table}" SET "${column}" = NULL WHERE id = (SELECT min(id::text)::uuid FROM "${table}")`);
    }
    const res = await pool.query<{ name: string }>(
      "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    return res.rows.map((r) => r.name);
  } finally {
    await pool.end();
  }
}

const SUBGRAPHS = ["municipality", "police", "health", "boernehus"] as const;

describe("keyed reads return what Prisma returns", () => {
  it.each(SUBGRAPHS)("%s: every table, every column", async (name) => {
    const subgraph = stack.subgraphs[name];
    const client = subgraph.client as unknown as Client;
    const tables = await tablesOf(subgraph.database.url);
    expect(tables.length).toBeGreaterThan(1);
    let compared = 0;
    for (const table of tables) {
      const delegate = client[table.charAt(0).toLowerCase() + table.slice(1)] as Delegate | undefined;
      expect(delegate, `${name}: table ${table} has no Prisma model`).toBeDefined();
      const viaPrisma = await (delegate as Delegate).findMany({ take: 300, orderBy: { id: "asc" } });
      const viaKeyed = await client.keyed.rows<{ id: string }>(table, {
        key: "id",
        keys: viaPrisma.map((r) => r.id),
        orderBy: [["id", "asc"]],
      });
      expect(viaKeyed, `${name}.${table}`).toStrictEqual(viaPrisma);
      compared += viaPrisma.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("narrows by equality, orders, and sends nothing for no keys", async () => {
    const client = stack.subgraphs.boernehus.client as unknown as Client;
    const delegate = client.caseParticipant as {
      findMany(args: object): Promise<Array<{ id: string; caseId: string; sub: string; addedAt: Date; name: string }>>;
    };
    const participants = (args: object) => delegate.findMany(args);
    const sample = await participants({ take: 40, orderBy: { id: "asc" } });
    const someone = sample[0] as { sub: string };
    const caseIds = [...new Set(sample.map((p) => p.caseId))];
    const expected = await participants({
      where: { caseId: { in: caseIds }, sub: someone.sub },
      orderBy: [{ addedAt: "desc" }, { name: "asc" }],
    });
    type Participant = { caseId: string; sub: string; addedAt: Date; name: string };
    const read: KeyedRead<Participant> = {
      key: "caseId",
      keys: caseIds,
      where: { sub: someone.sub },
      orderBy: [
        ["addedAt", "desc"],
        ["name", "asc"],
      ],
    };
    const keyed = await client.keyed.rows<Participant>("CaseParticipant", read);
    expect(keyed.length).toBeGreaterThan(0);
    expect(keyed).toStrictEqual(expected);
    // Inside a mutation the same read goes through Prisma, on the transaction: same rows, same order.
    expect(await keyedReaderOverPrisma(client).rows<Participant>("CaseParticipant", read)).toStrictEqual(expected);
    expect(await client.keyed.rows("CaseParticipant", { key: "caseId", keys: [] })).toEqual([]);
  });

  it("refuses a table or column name that is not a plain identifier", async () => {
    const client = stack.subgraphs.boernehus.client as unknown as Client;
    await expect(client.keyed.rows('CaseParticipant" --', { key: "id", keys: ["x"] })).rejects.toThrow(/Not an identifier/);
    await expect(client.keyed.rows<{ id: string }>("CaseParticipant", { key: 'id" OR 1=1 --' as "id", keys: ["x"] })).rejects.toThrow(
      /Not an identifier/,
    );
  });
});

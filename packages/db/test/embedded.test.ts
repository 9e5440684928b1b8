import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../src/embedded.ts";
import { SessionQueue } from "../src/sessionQueue.ts";

// PGlite has one session for all connections. pglite-socket queues wire messages one by
// one, so two connections' extended-protocol sequences (Parse, Bind, Execute, Sync) could
// interleave and one would bind to the other's unnamed statement. These tests hold the
// embedded server to what a real PostgreSQL promises: connections do not see each other.
interface WireConnection {
  removeAllListeners(event: string): void;
  on(event: string, listener: (message: never) => void): void;
  parse(query: { text: string; types: number[] }): void;
  bind(config: { values: string[] }): void;
  execute(config: object): void;
  flush(): void;
  sync(): void;
}

describe("embedded PostgreSQL under concurrent connections", () => {
  let embedded: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres();
    pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
    await pool.query("CREATE TABLE item (id int PRIMARY KEY, a text, b text, c text)");
  });
  afterAll(async () => {
    await pool.end();
    await embedded.stop();
  });

  it("runs parameterised queries of different shapes from ten connections without mixing them", async () => {
    const shapes = [
      (i: number) => pool.query("SELECT $1::int AS n", [i]),
      (i: number) => pool.query("SELECT $1::int AS n, $2::text AS a, $3::text AS b", [i, "x", "y"]),
      (i: number) => pool.query("SELECT $1::int AS n, $2::text, $3::text, $4::text, $5::text, $6::text", [i, "a", "b", "c", "d", "e"]),
      (i: number) => pool.query("INSERT INTO item (id, a, b, c) VALUES ($1, $2, $3, $4) RETURNING id AS n", [i, "a", "b", "c"]),
    ];
    const results = await Promise.allSettled(Array.from({ length: 400 }, (_, i) => shapes[i % shapes.length](i)));
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<pg.QueryResult>).value.rows[0].n);
    expect(values).toEqual(Array.from({ length: 400 }, (_, i) => i));
  });

  it("keeps one connection's Parse…Sync together while another connection queries", async () => {
    const a = new pg.Client({ connectionString: embedded.url });
    await a.connect();
    try {
      // Drive client a's wire protocol by hand: Parse now, Bind/Execute/Sync only after the
      // other connection has sent a whole query with a different number of parameters.
      const wire = (a as unknown as { connection: WireConnection }).connection;
      for (const event of [
        "errorMessage",
        "readyForQuery",
        "dataRow",
        "parseComplete",
        "bindComplete",
        "commandComplete",
        "rowDescription",
        "noData",
      ])
        wire.removeAllListeners(event);
      const seen: string[] = [];
      const ready = new Promise<void>((resolve) => {
        wire.on("errorMessage", (m: { message: string }) => seen.push(`error: ${m.message}`));
        wire.on("dataRow", (m: { fields: unknown[] }) => seen.push(`row: ${String(m.fields[0])}`));
        wire.on("readyForQuery", () => resolve());
      });
      // No sleeps: each step waits for the event it needs. First, the server has run a's Parse
      // (so a now holds the session until its Sync).
      const parsed = new Promise<void>((resolve) => wire.on("parseComplete", () => resolve()));
      wire.parse({ text: "SELECT $1::int AS n", types: [] });
      wire.flush();
      await parsed;
      // Then the other connection's query has reached the server's queue (its Parse carries the text).
      const enqueue = SessionQueue.prototype.enqueue;
      let otherQueued!: () => void;
      const queued = new Promise<void>((resolve) => {
        otherQueued = resolve;
      });
      const spy = vi.spyOn(SessionQueue.prototype, "enqueue").mockImplementation(function (this: SessionQueue, ...args) {
        if (Buffer.from(args[1]).toString("latin1").includes("$2::text AS b")) otherQueued();
        return enqueue.apply(this, args);
      });
      let otherSettled = false;
      const other = pool.query("SELECT $1::text AS a, $2::text AS b", ["x", "y"]).finally(() => {
        otherSettled = true;
      });
      try {
        await queued;
      } finally {
        spy.mockRestore();
      }
      // The ordering this test is about did happen: the other query is waiting, a's sequence is open.
      expect(otherSettled).toBe(false);
      wire.bind({ values: ["7"] });
      wire.execute({});
      wire.sync();
      await ready;
      expect(seen).toEqual(["row: 7"]);
      expect((await other).rows[0]).toEqual({ a: "x", b: "y" });
    } finally {
      a.on("error", () => {}); // the hand-driven connection is cut, not closed politely
      (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }
  });

  it("keeps a transaction to its own connection while others query", async () => {
    const tx = await pool.connect();
    try {
      await tx.query("BEGIN");
      await tx.query("INSERT INTO item (id, a) VALUES ($1, $2)", [10_000, "in-tx"]);
      const outside = pool.query("SELECT count(*)::int AS n FROM item WHERE id = $1", [10_000]);
      await tx.query("ROLLBACK");
      expect((await outside).rows[0].n).toBe(0);
    } finally {
      tx.release();
    }
  });
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../src/embedded.ts";
import { listen, NotificationScanner } from "../src/notifications.ts";
import { createEmptyTestDatabase } from "../src/testDatabase.ts";

/** Resolves with the first `count` payloads heard. */
function collector(count: number) {
  const heard: string[] = [];
  let done: (value: string[]) => void = () => {};
  const all = new Promise<string[]>((resolve) => {
    done = resolve;
  });
  return {
    heard,
    all,
    push(payload: string) {
      heard.push(payload);
      if (heard.length === count) done(heard);
    },
  };
}

describe("NotificationScanner", () => {
  it("finds NotificationResponse messages split across chunks, among other messages", () => {
    const message = (type: string, body: Buffer) => {
      const head = Buffer.alloc(5);
      head[0] = type.charCodeAt(0);
      head.writeInt32BE(4 + body.length, 1);
      return Buffer.concat([head, body]);
    };
    const notification = message("A", Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('live\0{"a":1}\0')]));
    const stream = Buffer.concat([message("C", Buffer.from("COMMIT\0")), notification, message("Z", Buffer.from("I"))]);
    const seen: string[] = [];
    const scanner = new NotificationScanner((channel, payload) => seen.push(`${channel}:${payload}`));
    for (let i = 0; i < stream.length; i += 3) scanner.feed(stream.subarray(i, i + 3));
    expect(seen).toEqual(['live:{"a":1}']);
  });
});

describe.skipIf(process.env.TEST_DATABASE === "postgres")("LISTEN/NOTIFY on the embedded PGlite", () => {
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let pool: pg.Pool;
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres();
    pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await embedded.stop();
  });

  it("does not reach a LISTEN over pglite-socket: the notification leaves on the committing connection", async () => {
    const listener = new pg.Client({ connectionString: embedded.url });
    await listener.connect();
    const overSocket: string[] = [];
    listener.on("notification", (m) => overSocket.push(m.payload ?? ""));
    await listener.query("LISTEN socket_test");
    const writer = new pg.Client({ connectionString: embedded.url });
    await writer.connect();
    const onWriter: string[] = [];
    writer.on("notification", (m) => onWriter.push(m.payload ?? ""));
    await writer.query("SELECT pg_notify('socket_test', 'x')");
    await listener.query("SELECT 1"); // gives the listener's connection a turn to receive anything pending
    expect(onWriter).toEqual(["x"]);
    expect(overSocket).toEqual([]);
    await writer.end();
    await listener.end();
  });

  it("reaches listen(): only committed notifications, from any connection, in order", async () => {
    const got = collector(3);
    const listener = await listen(embedded.url, "live_test", got.push);
    expect(listener.kind).toBe("pglite-session");
    const client = await pool.connect();
    await client.query("BEGIN");
    await client.query("SELECT pg_notify('live_test', 'rolled back')");
    await client.query("ROLLBACK");
    await client.query("BEGIN");
    await client.query("SELECT pg_notify('live_test', 'one')");
    await client.query("SELECT pg_notify('other_channel', 'not ours')");
    await client.query("COMMIT");
    client.release();
    await pool.query("SELECT pg_notify('live_test', 'two')");
    await pool.query("SELECT pg_notify('live_test', $1)", ["three"]);
    expect(await got.all).toEqual(["one", "two", "three"]);
    await listener.close();
  });
});

describe.skipIf(process.env.TEST_DATABASE !== "postgres")("LISTEN/NOTIFY on PostgreSQL", () => {
  it("reaches every listener (one per replica): only committed notifications", async () => {
    const database = await createEmptyTestDatabase("notify");
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // pool.end() resolves before its clients' connections have closed; dropping the database then
    // terminates one still closing, and the pool re-emits that FATAL (once an unhandled error in CI).
    pool.on("error", () => {});
    try {
      const [a, b] = [collector(2), collector(2)];
      const replicas = [await listen(database.url, "live_test", a.push), await listen(database.url, "live_test", b.push)];
      expect(replicas.map((r) => r.kind)).toEqual(["postgres", "postgres"]);
      const client = await pool.connect();
      await client.query("BEGIN");
      await client.query("SELECT pg_notify('live_test', 'rolled back')");
      await client.query("ROLLBACK");
      client.release();
      await pool.query("SELECT pg_notify('live_test', 'one')");
      await pool.query("SELECT pg_notify('live_test', 'two')");
      expect(await a.all).toEqual(["one", "two"]);
      expect(await b.all).toEqual(["one", "two"]);
      for (const r of replicas) await r.close();
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});

import { createHmac, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createEmptyTestDatabase, migrate } from "@samraad/db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type AlertDraft,
  AlertStore,
  createAlertWorker,
  type DeliveryPolicy,
  deliverDue,
  endpointPolicy,
  SIGNATURE_HEADER,
  verifySignature,
} from "../src/index.ts";
import { type ObservedClient, rawPgClient } from "./rawPg.ts";
import { startReceiver } from "./receiver.ts";

// The alert tables are platform migrations (packages/db); the package has none of its own.
const NO_APP_MIGRATIONS = fileURLToPath(new URL("./no-migrations", import.meta.url));
// The receiver listens on loopback, which only an operator's allowance lets a delivery reach.
const LOOPBACK = endpointPolicy(["127.0.0.1/32"], false);
const POLICY: DeliveryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 4,
  timeoutMs: 5_000,
  leaseMs: 60_000,
  batchSize: 4,
};
const T0 = new Date("2026-03-09T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let db: { url: string; drop(): Promise<void> };
let client: ObservedClient;
let store: AlertStore;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const draft = (over: Partial<AlertDraft> = {}): AlertDraft => ({
  kind: "INTERVIEW_NOT_HELD",
  caseId: randomUUID(),
  subjectId: randomUUID(),
  dueAt: new Date("2026-03-08T09:00:00.000Z"),
  sector: "POLICE",
  organisation: "KBH",
  recipient: { roles: ["investigator"] },
  ...over,
});

/** A worker on `on` whose clock is the test's: `clock.now` moves only when the test moves it. */
function worker(on: AlertStore, scan: (now: Date) => Promise<AlertDraft[]>, clock = { now: T0 }) {
  return createAlertWorker({ store: on, scanName: "test-scan", scan, policy: POLICY, endpoints: LOOPBACK, now: () => clock.now });
}

async function register(path: string, organisation = "KBH") {
  return store.registerEndpoint({ sector: "POLICE", organisation, url: receiver.url(path), createdBySub: "persona:leader" }, T0);
}

async function deliveryRows() {
  return client.$queryRawUnsafe<Array<{ status: string; attempts: number; next_attempt_at: Date }>>(
    "SELECT status, attempts, next_attempt_at FROM samraad_meta.webhook_delivery ORDER BY created_at, id",
  );
}

beforeAll(async () => {
  db = await createEmptyTestDatabase("alerts");
  await migrate(db.url, NO_APP_MIGRATIONS);
  client = rawPgClient(db.url);
  store = new AlertStore(client);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await client?.close();
  await db?.drop();
});
afterEach(async () => {
  // Each test starts with no alerts, endpoints, deliveries or schedules.
  await client.$executeRawUnsafe(
    `DELETE FROM samraad_meta.webhook_attempt; DELETE FROM samraad_meta.webhook_delivery; DELETE FROM samraad_meta.webhook_endpoint;
     DELETE FROM samraad_meta.alert_receipt; DELETE FROM samraad_meta.alert; DELETE FROM samraad_meta.job_schedule`.replace(/;\s*/g, "; "),
  );
  receiver.reset();
  client.statements.length = 0;
});

describe("the alert worker's deliveries", () => {
  it("retries a delivery the receiver failed, with doubling backoff, until it is delivered", async () => {
    await register("retry");
    receiver.answer([500, 500, 200]);
    const due = [draft()];
    const w = worker(store, async () => due);

    expect(await w.runOnce(T0)).toEqual({ raised: 1, attempted: 1 });
    expect(await deliveryRows()).toMatchObject([{ status: "PENDING", attempts: 1, next_attempt_at: at(30_000) }]);
    expect((await w.runOnce(at(29_999))).attempted).toBe(0); // not before the backoff is over
    expect((await w.runOnce(at(30_000))).attempted).toBe(1);
    // Second failure: twice the wait, counted from the second attempt.
    expect(await deliveryRows()).toMatchObject([{ status: "PENDING", attempts: 2, next_attempt_at: at(90_000) }]);
    expect((await w.runOnce(at(89_999))).attempted).toBe(0);
    expect((await w.runOnce(at(90_000))).attempted).toBe(1);
    expect((await w.runOnce(at(3_600_000))).attempted).toBe(0); // delivered: never again

    expect(receiver.calls.map((c) => [c.headers["samraad-attempt"], c.status])).toEqual([
      ["1", 500],
      ["2", 500],
      ["3", 200],
    ]);
    // The same event and delivery every time, so the receiver can deduplicate.
    expect(new Set(receiver.calls.map((c) => `${c.headers["samraad-event-id"]}/${c.headers["samraad-delivery-id"]}`)).size).toBe(1);
    const [logged] = await store.deliveries("POLICE", "KBH", 10);
    expect(logged).toMatchObject({ status: "DELIVERED", deliveredAt: at(90_000), nextAttemptAt: null });
    expect(logged?.attempts).toEqual([
      { attempt: 1, at: T0, statusCode: 500, error: "HTTP 500" },
      { attempt: 2, at: at(30_000), statusCode: 500, error: "HTTP 500" },
      { attempt: 3, at: at(90_000), statusCode: 200, error: null },
    ]);
  });

  it("gives up after the last attempt (FAILED) and never calls again", async () => {
    await register("down");
    receiver.answer([503]);
    const due = [draft()];
    const w = worker(store, async () => due);
    // Attempts at 0, 30 s, 90 s (30+60) and 210 s (90+120): four in all.
    for (const ms of [0, 30_000, 90_000, 210_000]) expect((await w.runOnce(at(ms))).attempted).toBe(1);
    expect((await w.runOnce(at(24 * 3_600_000))).attempted).toBe(0);
    expect(receiver.calls).toHaveLength(POLICY.maxAttempts);
    const [logged] = await store.deliveries("POLICE", "KBH", 10);
    expect(logged).toMatchObject({ status: "FAILED", nextAttemptAt: null, deliveredAt: null });
    expect(logged?.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 503],
    ]);
  });

  it("a connection that fails is an attempt like a 5xx, logged without the receiver's details", async () => {
    // A port nobody listens on: the receiver's port after it closed.
    const gone = await startReceiver();
    const url = gone.url("closed");
    await gone.close();
    await store.registerEndpoint({ sector: "POLICE", organisation: "KBH", url, createdBySub: "persona:leader" }, T0);
    await store.raise([draft()], T0);
    expect(await deliverDue(store, T0, POLICY, LOOPBACK)).toBe(1);
    const [logged] = await store.deliveries("POLICE", "KBH", 10);
    expect(logged).toMatchObject({ status: "PENDING", nextAttemptAt: at(30_000) });
    expect(logged?.attempts).toEqual([{ attempt: 1, at: T0, statusCode: null, error: "connection failed" }]);
  });
});

describe("leases between replicas", () => {
  it("two workers on one database never deliver the same event twice", async () => {
    for (const path of ["a", "b", "c"]) await register(path);
    receiver.answer([200], { delayMs: 15 }); // slow enough that both workers' rounds overlap
    const subjects = Array.from({ length: 6 }, () => draft());
    await store.raise(subjects, T0);
    const other = rawPgClient(db.url);
    try {
      const [one, two] = [worker(store, async () => []), worker(new AlertStore(other), async () => [])];
      let attempted = 0;
      for (let round = 0; round < 10; round++) {
        const results = await Promise.all([one.runOnce(T0), two.runOnce(T0)]);
        const now = results.reduce((sum, r) => sum + r.attempted, 0);
        if (now === 0) break;
        attempted += now;
      }
      expect(attempted).toBe(18); // 6 events × 3 endpoints, batches of 4 per worker
    } finally {
      await other.close();
    }
    const deliveryIds = receiver.calls.map((c) => c.headers["samraad-delivery-id"]);
    expect(deliveryIds).toHaveLength(18);
    expect(new Set(deliveryIds).size).toBe(18);
    expect(new Set(receiver.calls.map((c) => `${c.path} ${c.headers["samraad-event-id"]}`)).size).toBe(18);
    expect(receiver.calls.every((c) => c.headers["samraad-attempt"] === "1")).toBe(true);
    expect((await deliveryRows()).every((d) => d.status === "DELIVERED")).toBe(true);
  });

  it("work claimed by a worker that died is taken over once its lease has expired", async () => {
    await register("takeover");
    await store.raise([draft()], T0);
    // The first replica claims the delivery and dies before it calls or records anything.
    const dead = rawPgClient(db.url);
    try {
      expect(await new AlertStore(dead).claimDeliveries(T0, POLICY.leaseMs, POLICY.batchSize)).toHaveLength(1);
    } finally {
      await dead.close();
    }
    const survivor = worker(store, async () => []);
    expect((await survivor.runOnce(at(POLICY.leaseMs - 1))).attempted).toBe(0); // still leased
    expect(receiver.calls).toHaveLength(0);
    expect((await survivor.runOnce(at(POLICY.leaseMs))).attempted).toBe(1);
    expect(receiver.calls.map((c) => c.headers["samraad-attempt"])).toEqual(["2"]); // the lost attempt counts
    const [logged] = await store.deliveries("POLICE", "KBH", 10);
    expect(logged).toMatchObject({ status: "DELIVERED", deliveredAt: at(POLICY.leaseMs) });
    expect(logged?.attempts.map((a) => a.attempt)).toEqual([2]);
  });
});

describe("the scan", () => {
  it("raises an alert once per subject and recipient, however often and by however many replicas it runs", async () => {
    await register("scan");
    const subject = randomUUID();
    const caseId = randomUUID();
    // One step due for a role group and for one named person: two alerts, one event.
    const due = [
      draft({ subjectId: subject, caseId }),
      draft({ subjectId: subject, caseId, recipient: { sub: "persona:investigator-kbh" } }),
    ];
    let scans = 0;
    const scan = async () => {
      scans++;
      return due;
    };
    const clock = { now: T0 };
    const other = rawPgClient(db.url);
    try {
      const replicas = [worker(store, scan, clock), worker(new AlertStore(other), scan, clock)];
      const first = await Promise.all(replicas.map((r) => r.runOnce()));
      expect(scans).toBe(1); // one replica claimed the period
      expect(first.reduce((n, r) => n + r.raised, 0)).toBe(2);
      clock.now = at(5 * 60_000); // the next period: the scan runs again and finds the same step
      const again = await Promise.all(replicas.map((r) => r.runOnce()));
      expect(scans).toBe(2);
      expect(again.reduce((n, r) => n + r.raised, 0)).toBe(0);
    } finally {
      await other.close();
    }
    const counts = await client.$queryRawUnsafe<Array<{ alerts: number; deliveries: number }>>(
      `SELECT (SELECT count(*)::int FROM samraad_meta.alert) AS alerts, (SELECT count(*)::int FROM samraad_meta.webhook_delivery) AS deliveries`,
    );
    expect(counts).toEqual([{ alerts: 2, deliveries: 1 }]);
    expect(receiver.calls).toHaveLength(1);
    const reader = { sub: "persona:investigator-kbh", sector: "POLICE", organisation: "KBH", roles: ["investigator"] };
    expect((await store.forReader(reader, { unacknowledgedOnly: false, first: 10 })).map((a) => a.subjectId)).toEqual([subject, subject]);
  });
});

describe("signatures", () => {
  it("the receiver verifies the signature over the exact body with the endpoint's secret", async () => {
    const endpoint = await register("signed");
    const w = worker(store, async () => [draft()]);
    await w.runOnce(T0);
    const [call] = receiver.calls;
    if (!call) throw new Error("no delivery");
    const header = call.headers[SIGNATURE_HEADER] as string;
    // As docs/webhooks.md tells a receiver to, without our code: HMAC-SHA256 over "<t>.<raw body>".
    const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=", 2))) as { t: string; v1: string };
    expect(Number(t)).toBe(T0.getTime() / 1000); // signed at the worker's clock
    expect(v1).toBe(createHmac("sha256", endpoint.secret).update(`${t}.${call.body}`).digest("hex"));
    expect(JSON.parse(call.body)).toMatchObject({ type: "alert.raised", id: call.headers["samraad-event-id"], organisation: "KBH" });

    expect(verifySignature(endpoint.secret, call.body, header, at(60_000))).toBe(true);
    expect(verifySignature(endpoint.secret, call.body.replace("KBH", "FRB"), header, at(60_000))).toBe(false); // tampered
    expect(verifySignature("whsec_another", call.body, header, at(60_000))).toBe(false); // another endpoint's secret
    expect(verifySignature(endpoint.secret, call.body, header, at(301_000))).toBe(false); // replayed later
  });
});

describe("what a delivery costs the database", () => {
  it("one attempt is one claiming UPDATE and a transaction of an INSERT and an UPDATE", async () => {
    await register("cost");
    await store.raise([draft()], T0);
    receiver.answer([500, 200]);
    // Each statement as its verb and table: "UPDATE webhook_delivery".
    const kinds = () =>
      client.statements.splice(0).map((s) => s.replace(/^(\w+) (?:INTO |FROM )?(?:samraad_meta\.)?(\w*).*$/, "$1 $2").trim());
    kinds();
    await deliverDue(store, T0, POLICY, LOOPBACK);
    const retried = kinds();
    await deliverDue(store, at(30_000), POLICY, LOOPBACK);
    const delivered = kinds();
    await deliverDue(store, at(60_000), POLICY, LOOPBACK);
    const idle = kinds();
    const claim = "UPDATE webhook_delivery";
    const attempt = [claim, "BEGIN", "INSERT webhook_attempt", "UPDATE webhook_delivery", "COMMIT"];
    expect(retried).toEqual(attempt);
    expect(delivered).toEqual(attempt);
    expect(idle).toEqual([claim]); // no delivery due: the claim finds nothing
    // A whole idle round of a replica (every tick, 15 s by default): the scan's period claim and the delivery claim.
    await worker(store, async () => []).runOnce(at(60_000));
    expect(kinds()).toEqual(["INSERT job_schedule", "UPDATE job_schedule", claim]);
  });
});

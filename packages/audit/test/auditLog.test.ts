import { fileURLToPath } from "node:url";
import { createEmptyTestDatabase, migrate } from "@samraad/db";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AuditEntry, AuditLog } from "../src/index.ts";

const NO_APP_MIGRATIONS = fileURLToPath(new URL("./no-migrations", import.meta.url));
let db: { url: string; drop(): Promise<void> };
let log: AuditLog;

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: new Date("2026-05-01T10:00:00Z"),
  requestId: "r1",
  actorSub: "persona:investigator-kbh",
  actorSector: "POLICE",
  actorOrg: "KBH",
  purpose: "CASEWORK",
  action: "READ",
  decision: "ALLOWED",
  caseIds: ["case-1"],
  childIds: [],
  fieldPaths: ["PoliceReport.journalNumber"],
  ...over,
});

/** Tampering as an attacker with database rights would: around the append-only trigger. */
async function tamper(sql: string) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query("ALTER TABLE samraad_meta.audit_log DISABLE TRIGGER USER");
  await client.query(sql);
  await client.query("ALTER TABLE samraad_meta.audit_log ENABLE TRIGGER USER");
  await client.end();
}

// One database for the file (PGlite takes seconds to start); each tampering test
// restores the table afterwards, and the chain must verify again.
beforeAll(async () => {
  db = await createEmptyTestDatabase("audit");
  await migrate(db.url, NO_APP_MIGRATIONS);
  log = new AuditLog(db.url);
  for (let i = 0; i < 5; i++) await log.append(entry({ requestId: `r${i}`, caseIds: [`case-${i % 2}`] }));
});
afterAll(async () => {
  await log?.close();
  await db?.drop();
});
afterEach(async () => {
  await tamper(`DELETE FROM samraad_meta.audit_log; INSERT INTO samraad_meta.audit_log SELECT * FROM pg_temp_backup`);
  expect(await log.verify()).toMatchObject({ ok: true, entries: 5 });
});
beforeEach(async () => {
  await tamper(`DROP TABLE IF EXISTS pg_temp_backup; CREATE TABLE pg_temp_backup AS SELECT * FROM samraad_meta.audit_log`);
});

describe("the audit log", () => {
  it("chains entries and verifies", async () => {
    expect(await log.verify()).toMatchObject({ ok: true, entries: 5 });
  });

  it("commits a burst of appends together, each with its own place on the chain", async () => {
    const chained = await Promise.all(Array.from({ length: 40 }, (_, i) => log.append(entry({ requestId: `burst-${i}` }))));
    const seqs = chained.map((c) => c.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => 6 + i));
    const stored = await log.entriesFor({ caseIds: ["case-1"], childIds: [] });
    expect(
      stored
        .filter((e) => e.requestId.startsWith("burst-"))
        .map((e) => e.requestId)
        .sort(),
    ).toEqual(chained.map((c) => c.requestId).sort());
    expect(await log.verify()).toMatchObject({ ok: true, entries: 45 });
  });

  it("keeps one chain when two processes (replicas of a subgraph) append to the same database", async () => {
    const [a, b] = [new AuditLog(db.url), new AuditLog(db.url)];
    try {
      expect((await a.append(entry({ requestId: "a-1" }))).seq).toBe(6);
      expect((await b.append(entry({ requestId: "b-1" }))).seq).toBe(7);
      // a last saw 6 as the head: its link to 6 collides with b's entry 7, so it links again.
      expect((await a.append(entry({ requestId: "a-2" }))).seq).toBe(8);
      const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).append(entry({ requestId: `burst-${i}` }))));
      expect(new Set(burst.map((c) => c.seq)).size).toBe(60);
      expect(await log.verify()).toMatchObject({ ok: true, entries: 68 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("links to the real head when the last entry it wrote is gone (a database restored from a backup)", async () => {
    const ahead = new AuditLog(db.url);
    try {
      await ahead.append(entry({ requestId: "lost-in-restore" }));
      await tamper("DELETE FROM samraad_meta.audit_log WHERE seq > 5");
      const next = await ahead.append(entry({ requestId: "after-restore" }));
      expect(next.seq).toBe(6);
      expect(await log.verify()).toMatchObject({ ok: true, entries: 6 });
    } finally {
      await ahead.close();
    }
  });

  it("refuses updates and deletes through any code path", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await expect(client.query("UPDATE samraad_meta.audit_log SET purpose = 'x'")).rejects.toThrow(/append-only/);
    await expect(client.query("DELETE FROM samraad_meta.audit_log")).rejects.toThrow(/append-only/);
    await expect(client.query("TRUNCATE samraad_meta.audit_log")).rejects.toThrow(/append-only/);
    await client.end();
  });

  it("detects an edited entry", async () => {
    await tamper("UPDATE samraad_meta.audit_log SET actor_org = 'NJYL' WHERE seq = 3");
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: "entry 3 was altered" });
  });

  it("detects a deleted entry", async () => {
    await tamper("DELETE FROM samraad_meta.audit_log WHERE seq = 2");
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("detects an entry rewritten with a recomputed hash (its successor no longer follows)", async () => {
    const rows = await log.entriesFor({ caseIds: ["case-0", "case-1"], childIds: [] });
    const forged = { ...rows[1], purpose: "FORGED" } as AuditEntry & { seq: number; prevHash: string };
    const { entryHash } = await import("../src/entry.ts");
    await tamper(`UPDATE samraad_meta.audit_log SET purpose = 'FORGED', hash = '${entryHash(2, forged.prevHash, forged)}' WHERE seq = 2`);
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: "entry 3 does not follow entry 2" });
  });

  it("finds the entries for a case", async () => {
    expect((await log.entriesFor({ caseIds: ["case-1"], childIds: [] })).map((e) => e.requestId)).toEqual(["r1", "r3"]);
  });

  // PGlite has one session and no other backends to terminate: on PostgreSQL only (CI runs both).
  it.runIf(process.env.TEST_DATABASE === "postgres")("survives the server closing its idle connections, and appends again", async () => {
    await log.append(entry({ requestId: "before" }));
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    // Without the pool's error listener the terminated idle connection ends the test process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(log.append(entry({ requestId: "after" }))).resolves.toMatchObject({ requestId: "after" });
  });
});

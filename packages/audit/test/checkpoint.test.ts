import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmptyTestDatabase, migrate } from "@samraad/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditEntry, AuditLog, Checkpointer, CheckpointFolder, signCheckpoint } from "../src/index.ts";

const NO_APP_MIGRATIONS = fileURLToPath(new URL("./no-migrations", import.meta.url));
const keys = generateKeyPairSync("ed25519");
const NOW = new Date("2026-11-01T10:00:00Z");
let db: { url: string; drop(): Promise<void> };
let log: AuditLog;
let folder: CheckpointFolder;
let dir: string;

const entry = (i: number): AuditEntry => ({
  at: NOW,
  requestId: `r${i}`,
  actorSub: "persona:investigator-kbh",
  actorSector: "POLICE",
  actorOrg: "KBH",
  purpose: "CASEWORK",
  action: "READ",
  decision: "ALLOWED",
  caseIds: ["case-1"],
  childIds: [],
  fieldPaths: ["PoliceReport.journalNumber"],
});

beforeAll(async () => {
  db = await createEmptyTestDatabase("audit-checkpoint");
  await migrate(db.url, NO_APP_MIGRATIONS);
  dir = mkdtempSync(join(tmpdir(), "samraad-checkpoints-"));
  folder = new CheckpointFolder(dir);
  const checkpoints = new Checkpointer({
    log: "police",
    folder,
    privateKey: keys.privateKey,
    everyEntries: 2,
    everyMs: 3_600_000,
    now: () => NOW,
  });
  log = new AuditLog(db.url, checkpoints);
  for (let i = 1; i <= 5; i++) await log.append(entry(i));
});
afterAll(async () => {
  await log?.close();
  await db?.drop();
});

describe("the audit chain is anchored outside its database", () => {
  it("publishes a signed, write-once checkpoint every N entries", () => {
    expect(readdirSync(join(dir, "police"))).toEqual(["000000000002.json", "000000000004.json"]);
    expect(statSync(join(dir, "police", "000000000004.json")).mode & 0o222).toBe(0);
    expect(folder.latest("police")).toMatchObject({ log: "police", seq: 4, at: NOW.toISOString() });
  });

  it("a second write of the same checkpoint keeps the first", () => {
    const first = folder.latest("police");
    const other = signCheckpoint({ log: "police", seq: 4, hash: "0".repeat(64), at: NOW.toISOString() }, keys.privateKey);
    folder.write(other);
    expect(folder.latest("police")).toEqual(first);
  });

  it("verifies against the last checkpoint; a tail cut off is found only with it", async () => {
    const checkpoint = folder.latest("police");
    if (!checkpoint) throw new Error("no checkpoint");
    expect(await log.verify({ checkpoint, publicKey: keys.publicKey })).toMatchObject({ ok: true, entries: 5 });
    // Cut off the tail as an attacker with database rights would: around the append-only trigger.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("CREATE TABLE pg_temp_backup AS SELECT * FROM samraad_meta.audit_log");
    await client.query("ALTER TABLE samraad_meta.audit_log DISABLE TRIGGER USER");
    await client.query("DELETE FROM samraad_meta.audit_log WHERE seq >= 3");
    try {
      // The chain alone still verifies: what is left is a valid chain.
      expect(await log.verify()).toMatchObject({ ok: true, entries: 2 });
      expect(await log.verify({ checkpoint, publicKey: keys.publicKey })).toMatchObject({
        ok: false,
        entries: 2,
        brokenAt: 3,
        reason: expect.stringContaining("tail was cut off"),
      });
    } finally {
      await client.query("DELETE FROM samraad_meta.audit_log; INSERT INTO samraad_meta.audit_log SELECT * FROM pg_temp_backup");
      await client.query("ALTER TABLE samraad_meta.audit_log ENABLE TRIGGER USER");
      await client.end();
    }
  });

  it("a checkpoint not signed by the subgraph's key, or for another head, is refused", async () => {
    const checkpoint = folder.latest("police");
    if (!checkpoint) throw new Error("no checkpoint");
    const stranger = generateKeyPairSync("ed25519");
    const forged = signCheckpoint({ ...checkpoint, seq: 5 }, stranger.privateKey);
    expect(await log.verify({ checkpoint: forged, publicKey: keys.publicKey })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("signature"),
    });
    const otherHead = signCheckpoint({ ...checkpoint, hash: "f".repeat(64) }, keys.privateKey);
    expect(await log.verify({ checkpoint: otherHead, publicKey: keys.publicKey })).toMatchObject({ ok: false, brokenAt: 4 });
  });
});

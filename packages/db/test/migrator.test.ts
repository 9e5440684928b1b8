import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, MigrationError, migrate } from "../src/index.ts";

let dir: string;
let db: { url: string; drop(): Promise<void> };

function write(name: string, sql: string) {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "migrations-"));
  db = await createEmptyTestDatabase("migrator");
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe("migrator", () => {
  it("applies migrations in order, once, recording checksums", async () => {
    write("20260101000000_b", `ALTER TABLE thing ADD COLUMN note text;`);
    write("20250101000000_a", `CREATE TABLE thing (id int primary key);`);
    expect((await migrate(db.url, dir, { platform: false })).applied).toEqual(["20250101000000_a", "20260101000000_b"]);
    expect((await migrate(db.url, dir, { platform: false })).applied).toEqual([]);
    const ledger = await query<{ name: string; checksum: string }>("SELECT name, checksum FROM samraad_meta.migrations ORDER BY name");
    expect(ledger.map((r) => r.name)).toEqual(["20250101000000_a", "20260101000000_b"]);
    expect(ledger[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a migration edited after it was applied", async () => {
    write("20250101000000_a", `CREATE TABLE thing (id int primary key);`);
    await migrate(db.url, dir, { platform: false });
    write("20250101000000_a", `CREATE TABLE thing (id bigint primary key);`);
    await expect(migrate(db.url, dir, { platform: false })).rejects.toMatchObject({ code: "MIGRATION_EDITED" });
  });

  it("refuses a database with a migration this release does not know", async () => {
    write("20250101000000_a", `CREATE TABLE thing (id int primary key);`);
    await migrate(db.url, dir, { platform: false });
    rmSync(join(dir, "20250101000000_a"), { recursive: true });
    await expect(migrate(db.url, dir, { platform: false })).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate(db.url, dir, { platform: false })).rejects.toMatchObject({ code: "MIGRATION_UNKNOWN" });
  });

  it("rolls a failing migration back whole, and records nothing for it", async () => {
    write("20250101000000_a", `CREATE TABLE thing (id int primary key);`);
    write("20250201000000_b", `CREATE TABLE other (id int); INSERT INTO nope VALUES (1);`);
    await expect(migrate(db.url, dir, { platform: false })).rejects.toMatchObject({ code: "MIGRATION_FAILED" });
    const tables = await query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(["thing"]);
    const ledger = await query<{ name: string }>("SELECT name FROM samraad_meta.migrations");
    expect(ledger.map((r) => r.name)).toEqual(["20250101000000_a"]);
  });
});

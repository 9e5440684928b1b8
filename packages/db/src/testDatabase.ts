import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

/**
 * An empty database for one test: in-memory PGlite by default, a new database on
 * the server at TEST_POSTGRES_URL when TEST_DATABASE=postgres.
 */
export async function createEmptyTestDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.TEST_DATABASE !== "postgres") {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (a server URL whose user may CREATE DATABASE).");
  // An identifier, whatever the caller named it ("statistics-bench" would be a syntax error).
  const dbName = `test_${name.replace(/[^a-z0-9_]/gi, "_")}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A fresh, migrated database for one test file. */
export async function openTestDatabase(name: string, migrationsDir: string): Promise<Database> {
  const empty = await createEmptyTestDatabase(name);
  try {
    const db = await openDatabase({ name, migrationsDir, url: empty.url });
    return { ...db, kind: process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite", close: () => empty.drop() };
  } catch (error) {
    await empty.drop();
    throw error;
  }
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./database.ts";

/**
 * A fresh, empty, migrated database for one test file: in-memory PGlite by default,
 * a new database on the server at TEST_POSTGRES_URL when TEST_DATABASE=postgres.
 */
export async function openTestDatabase(name: string, migrationsDir: string): Promise<Database> {
  if (process.env.TEST_DATABASE !== "postgres") {
    return openDatabase({ name, migrationsDir, inMemory: true, url: undefined });
  }
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (a server URL whose user may CREATE DATABASE).");
  const dbName = `test_${name}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const db = await openDatabase({ name, migrationsDir, url: url.toString() });
  return {
    ...db,
    async close() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

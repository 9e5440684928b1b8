import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * Applies Prisma Migrate's folder layout (`prisma/migrations/<timestamp>_<name>/migration.sql`)
 * in order, each in its own transaction, recording a checksum. It refuses a migration
 * that was edited after it was applied, and a database that has migrations this code
 * does not know (a newer release ran against it).
 *
 * Why our own: `prisma migrate deploy` through @prisma/adapter-pg fails on PostgreSQL's
 * `name` columns (upstream bug, see DESIGN.md 4a). Drop this when that is fixed.
 */
export class MigrationError extends Error {
  constructor(
    readonly code: "MIGRATION_EDITED" | "MIGRATION_UNKNOWN" | "MIGRATION_FAILED",
    message: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Kept in a schema of its own, so Prisma's introspection of `public` never sees it.
const LEDGER = "samraad_meta.migrations";

/**
 * Platform migrations (packages/db/platform-migrations: the audit log) are the same
 * in every subgraph's database and are applied before the subgraph's own, under a
 * `platform/` prefix in the ledger.
 */
export const PLATFORM_MIGRATIONS_DIR = fileURLToPath(new URL("../platform-migrations", import.meta.url));

export async function migrate(url: string, migrationsDir: string, options: { platform?: boolean } = {}): Promise<{ applied: string[] }> {
  const platform =
    options.platform === false ? [] : readMigrations(PLATFORM_MIGRATIONS_DIR).map((m) => ({ ...m, name: `platform/${m.name}` }));
  const migrations = [...platform, ...readMigrations(migrationsDir)];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("CREATE SCHEMA IF NOT EXISTS samraad_meta");
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${LEDGER} (
         name text PRIMARY KEY,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const known = new Set(migrations.map((m) => m.name));
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${LEDGER}`);
    const ledger = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const name of ledger.keys()) {
      if (!known.has(name)) {
        throw new MigrationError(
          "MIGRATION_UNKNOWN",
          `The database has migration "${name}" applied, which this release does not have. Deploy the release that added it, or restore the database.`,
        );
      }
    }
    for (const m of migrations) {
      const recorded = ledger.get(m.name);
      if (recorded !== undefined) {
        if (recorded !== m.checksum) {
          throw new MigrationError(
            "MIGRATION_EDITED",
            `Migration "${m.name}" was edited after it was applied (checksum ${recorded.slice(0, 12)} in the database, ${m.checksum.slice(0, 12)} on disk). Restore the original file and add a new migration for the change.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        // Serialise concurrent replicas starting at once; re-check under the lock.
        await client.query(`LOCK TABLE ${LEDGER} IN EXCLUSIVE MODE`);
        const again = await client.query(`SELECT 1 FROM ${LEDGER} WHERE name = $1`, [m.name]);
        if (again.rowCount === 0) {
          await client.query(m.sql);
          await client.query(`INSERT INTO ${LEDGER} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
          applied.push(m.name);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError("MIGRATION_FAILED", `Migration "${m.name}" failed and was rolled back: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.end();
  }
  return { applied };
}

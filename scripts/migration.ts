/**
 * Generates a new migration for one subgraph, in Prisma Migrate's layout:
 *   npm run migration -- <subgraph> <name>
 *
 * `prisma migrate diff` compares prisma/migrations/schema_snapshot.prisma (the
 * datamodel as of the last migration) with prisma/schema.prisma, and the snapshot
 * is then moved forward. Why a snapshot: with the offline JS schema engine,
 * `--from-migrations` needs a shadow database (it hangs on PGlite) and
 * `--from-schema-datasource` is refused; a datamodel-to-datamodel diff needs neither.
 * The engine still opens a connection, so a throwaway in-memory PGlite serves it.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { REPO_ROOT, startEmbeddedPostgres } from "@samraad/db";

/** Async on purpose: the PGlite server it talks to runs in this very process. */
export async function diffMigrationSql(appDir: string, url: string): Promise<string> {
  const snapshot = join(appDir, "prisma", "migrations", "schema_snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const { stdout } = await promisify(execFile)(
    join(REPO_ROOT, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      cwd: appDir,
      env: { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK: "1" },
      encoding: "utf8",
    },
  );
  return stdout;
}

export function hasChanges(sql: string): boolean {
  return /\b(CREATE|ALTER|DROP)\b/.test(sql);
}

async function main() {
  const [subgraph, name] = process.argv.slice(2);
  if (!subgraph || !name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run migration -- <municipality|police|health|boernehus> <snake_case_name>");
    process.exit(2);
  }
  const appDir = join(REPO_ROOT, "apps", subgraph);
  const migrationsDir = join(appDir, "prisma", "migrations");
  const db = await startEmbeddedPostgres();
  try {
    const sql = await diffMigrationSql(appDir, db.url);
    if (!hasChanges(sql)) {
      console.log("No changes: prisma/schema.prisma matches the migrations.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    copyFileSync(join(appDir, "prisma", "schema.prisma"), join(migrationsDir, "schema_snapshot.prisma"));
    console.log(`Wrote ${dir}/migration.sql`);
  } finally {
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();

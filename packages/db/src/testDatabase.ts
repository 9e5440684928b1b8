import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase, REPO_ROOT } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { migrate, PLATFORM_MIGRATIONS_DIR, readMigrations } from "./migrator.ts";

/**
 * An empty database for one test: in-memory PGlite by default, a new database on
 * the server at TEST_POSTGRES_URL when TEST_DATABASE=postgres.
 */
export async function createEmptyTestDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.TEST_DATABASE !== "postgres") {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  return createServerDatabase(name);
}

function postgresServerUrl(): string {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (a server URL whose user may CREATE DATABASE).");
  return serverUrl;
}

async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A new database on the test server, optionally a copy of `template` (CREATE DATABASE … TEMPLATE). */
async function createServerDatabase(name: string, template?: string): Promise<{ url: string; dbName: string; drop(): Promise<void> }> {
  // An identifier, whatever the caller named it ("statistics-bench" would be a syntax error).
  const dbName = `test_${name.replace(/[^a-z0-9_]/gi, "_")}_${randomBytes(6).toString("hex")}`;
  await onServer((admin) => admin.query(`CREATE DATABASE ${dbName}${template ? ` TEMPLATE ${template}` : ""}`));
  const url = new URL(postgresServerUrl());
  url.pathname = `/${dbName}`;
  return {
    url: url.toString(),
    dbName,
    drop: () => onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).then(() => {}),
  };
}

/**
 * What a seeded test database holds, so it is built once and copied for every test file
 * that asks for the same: `key` must name everything that decides the seeded content
 * (seed options, the seeding and generating code); the migrations' checksums and the
 * PGlite version are added here. `seed` fills a freshly migrated database.
 */
export interface TestTemplate {
  key: string;
  seed(url: string): Promise<void>;
}

/** Where PGlite templates are kept between runs (gitignored); SAMRAAD_TEST_TEMPLATES moves it. */
export const TEST_TEMPLATE_DIR = process.env.SAMRAAD_TEST_TEMPLATES ?? join(REPO_ROOT, ".cache", "test-templates");

function templateDigest(name: string, migrationsDir: string, template: TestTemplate): string {
  const hash = createHash("sha256").update(`samraad-test-template/1\0${name}\0${template.key}\0`);
  for (const m of [...readMigrations(PLATFORM_MIGRATIONS_DIR), ...readMigrations(migrationsDir)]) hash.update(`${m.name}\0${m.checksum}\0`);
  const pglite = join(REPO_ROOT, "node_modules", "@electric-sql", "pglite", "package.json");
  if (existsSync(pglite)) hash.update(JSON.parse(readFileSync(pglite, "utf8")).version);
  return hash.digest("hex").slice(0, 24);
}

/**
 * A fresh, migrated database for one test file. With `template`, also seeded: the first
 * file to ask builds the template (migrate + seed) and keeps it (PGlite: a data-folder
 * tarball under TEST_TEMPLATE_DIR; PostgreSQL: a database `tpl_<name>_<digest>`), and every
 * later one starts from a copy of it (PGlite `loadDataDir`; `CREATE DATABASE … TEMPLATE`).
 * The copy is migrated again, which checks its ledger against the migrations on disk.
 */
export async function openTestDatabase(name: string, migrationsDir: string, template?: TestTemplate): Promise<Database> {
  if (!template) return openEmptyMigrated(name, migrationsDir);
  const digest = templateDigest(name, migrationsDir, template);
  return process.env.TEST_DATABASE === "postgres"
    ? openFromServerTemplate(name, migrationsDir, template, `tpl_${name.replace(/[^a-z0-9_]/gi, "_")}_${digest}`)
    : openFromPGliteTemplate(migrationsDir, template, join(TEST_TEMPLATE_DIR, `${name}-${digest}.tar`));
}

async function openEmptyMigrated(name: string, migrationsDir: string): Promise<Database> {
  const empty = await createEmptyTestDatabase(name);
  try {
    const db = await openDatabase({ name, migrationsDir, url: empty.url });
    return { ...db, kind: process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite", close: () => empty.drop() };
  } catch (error) {
    await empty.drop();
    throw error;
  }
}

async function openFromPGliteTemplate(migrationsDir: string, template: TestTemplate, file: string): Promise<Database> {
  const cached = existsSync(file);
  const embedded = await startEmbeddedPostgres(undefined, cached ? { loadDataDir: new Blob([readFileSync(file)]) } : {});
  try {
    await migrate(embedded.url, migrationsDir);
    if (!cached) {
      await template.seed(embedded.url);
      mkdirSync(TEST_TEMPLATE_DIR, { recursive: true });
      // Written aside and renamed: a parallel test file never reads half a template.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
      writeFileSync(partial, new Uint8Array(await (await embedded.dump()).arrayBuffer()));
      renameSync(partial, file);
    }
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, kind: "pglite", close: () => embedded.stop() };
}

async function openFromServerTemplate(
  name: string,
  migrationsDir: string,
  template: TestTemplate,
  templateName: string,
): Promise<Database> {
  const exists = async () =>
    onServer(async (admin) => (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateName])).rowCount === 1);
  if (!(await exists())) {
    // Built under a name of its own and renamed when complete: a template by the final name is
    // always whole. Two files building it at once: the second rename fails, its copy is dropped.
    const build = await createServerDatabase(`build_${name}`);
    try {
      await migrate(build.url, migrationsDir);
      await template.seed(build.url);
      await onServer((admin) => admin.query(`ALTER DATABASE ${build.dbName} RENAME TO ${templateName}`));
    } catch (error) {
      await build.drop();
      if (!(await exists())) throw error;
    }
  }
  const copy = await createServerDatabase(name, templateName);
  try {
    await migrate(copy.url, migrationsDir);
  } catch (error) {
    await copy.drop();
    throw error;
  }
  return { url: copy.url, kind: "postgres", close: () => copy.drop() };
}

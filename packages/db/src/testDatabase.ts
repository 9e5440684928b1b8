import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { type Database, REPO_ROOT } from "./database.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.ts";
import { migrate, PLATFORM_MIGRATIONS_DIR, readMigrations } from "./migrator.ts";

/** Enough for a test world's few hundred courses (see EmbeddedPostgresOptions.sharedBuffers). */
const TEST_SHARED_BUFFERS = "16MB";

/** Bumped when the way templates are made changes (3: data folders, shut down cleanly, not tarballs). */
const TEMPLATE_FORMAT = 3;

/** Where PGlite templates are kept between runs (gitignored); SAMRAAD_TEST_TEMPLATES moves it. */
export const TEST_TEMPLATE_DIR = process.env.SAMRAAD_TEST_TEMPLATES ?? join(REPO_ROOT, ".cache", "test-templates");

/**
 * Where a test's PGlite data folders live while it runs: in memory (tmpfs) where the machine
 * has one. A start copies a template folder there and PGlite opens it as files: about 0.6 s
 * less CPU a start than unpacking a tarball into PGlite's in-memory file system (measured on
 * this 2-core machine), and PostgreSQL reads only the pages it needs.
 */
const SCRATCH_DIR = process.env.SAMRAAD_TEST_SCRATCH ?? (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
const SCRATCH_PREFIX = "samraad-testdb-";

/**
 * An empty database for one test: PGlite by default, a new database on the server at
 * TEST_POSTGRES_URL when TEST_DATABASE=postgres.
 */
export async function createEmptyTestDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.TEST_DATABASE !== "postgres") {
    const embedded = await startCopyOf(await initdbFolder());
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  return createServerDatabase(name);
}

/**
 * A PGlite data folder just as initdb leaves it, made once and kept beside the templates
 * (keyed on the PGlite version): copying it costs far less than running initdb (3.9 s of
 * CPU), and a test process starts many empty databases.
 */
async function initdbFolder(): Promise<string> {
  const folder = join(TEST_TEMPLATE_DIR, `initdb-${pgliteVersion()}-${TEMPLATE_FORMAT}`);
  await buildOnce(
    folder,
    () => buildFolder(folder, undefined, async () => {}),
    () => isDataFolder(folder),
  );
  return folder;
}

function pgliteVersion(): string {
  const pglite = join(REPO_ROOT, "node_modules", "@electric-sql", "pglite", "package.json");
  return existsSync(pglite) ? JSON.parse(readFileSync(pglite, "utf8")).version : "unknown";
}

function isDataFolder(folder: string): boolean {
  return existsSync(join(folder, "PG_VERSION"));
}

/**
 * Makes the template `folder`: PGlite on a scratch copy of `from` (initdb when there is
 * none), `fill` run against it, stopped cleanly, then moved in whole (copied aside and
 * renamed: a parallel test file never reads half a template).
 */
async function buildFolder(folder: string, from: string | undefined, fill: (url: string) => Promise<void>): Promise<void> {
  const scratch = scratchFolder();
  if (from) {
    markUsed(from);
    cpSync(from, scratch, { recursive: true });
  }
  try {
    const build = await startEmbeddedPostgres(scratch, { sharedBuffers: TEST_SHARED_BUFFERS });
    try {
      await fill(build.url);
    } finally {
      await build.stop();
    }
    mkdirSync(TEST_TEMPLATE_DIR, { recursive: true });
    const partial = `${folder}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
    cpSync(scratch, partial, { recursive: true });
    renameSync(partial, folder);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** PGlite on a scratch copy of the data folder `template`; the copy goes when it stops. */
async function startCopyOf(template: string): Promise<EmbeddedPostgres> {
  const scratch = scratchFolder();
  try {
    markUsed(template);
    cpSync(template, scratch, { recursive: true });
    const embedded = await startEmbeddedPostgres(scratch, { sharedBuffers: TEST_SHARED_BUFFERS });
    return {
      url: embedded.url,
      async stop() {
        try {
          await embedded.stop();
        } finally {
          rmSync(scratch, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** A template's folder time is its last use: pruneTestTemplates keeps the recently used ones. */
function markUsed(folder: string): void {
  const now = new Date();
  utimesSync(folder, now, now);
}

/** How many PGlite templates a clone keeps (about 40 MB each; one full run uses about 65). */
const KEEP_TEMPLATES = 100;
/** A template used this recently may belong to a run in progress: never removed. */
const IN_USE_MS = 60 * 60_000;

/**
 * Removes the PGlite templates that no recent run used, and what crashed builders left
 * (`.partial` folders, `.lock` files). Every change to a subgraph's seed code, its migrations
 * or the generator makes new templates, and nothing removed the old ones: a developer's clone
 * held 400 of them (16 GB) after two days. Keeps the `keep` most recently used, and every one
 * used within the last hour. Run once before the test workers start (vitest.config.ts's
 * globalSetup), so it never races a copy of this run. Returns what it removed.
 */
export function pruneTestTemplates(dir = TEST_TEMPLATE_DIR, keep = KEEP_TEMPLATES, nowMs = Date.now()): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir).map((name) => ({ name, usedMs: statSync(join(dir, name)).mtimeMs }));
  const leftovers = entries.filter((e) => e.name.endsWith(".partial") || e.name.endsWith(".lock"));
  const templates = entries.filter((e) => !leftovers.includes(e)).sort((a, b) => b.usedMs - a.usedMs);
  const removed = [...leftovers, ...templates.slice(keep)].filter((e) => nowMs - e.usedMs > IN_USE_MS).map((e) => e.name);
  for (const name of removed) rmSync(join(dir, name), { recursive: true, force: true });
  return removed;
}

let swept = false;

/** A new scratch folder named by this process; the first call also removes those of test processes that are gone. */
function scratchFolder(): string {
  if (!swept) {
    swept = true;
    for (const entry of readdirSync(SCRATCH_DIR)) {
      const pid = Number(entry.slice(SCRATCH_PREFIX.length).split("-")[0]);
      if (entry.startsWith(SCRATCH_PREFIX) && pid && !processAlive(pid)) rmSync(join(SCRATCH_DIR, entry), { recursive: true, force: true });
    }
  }
  return mkdtempSync(join(SCRATCH_DIR, `${SCRATCH_PREFIX}${process.pid}-`));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `build` to make `file` unless it exists, at most one process at a time: two test
 * workers that need the same template do not both build it; the second waits for the
 * first (a lock file holding the builder's pid; a lock whose process is gone is taken over).
 * `exists` says whether it is there (default: the file).
 */
async function buildOnce(
  file: string,
  build: () => Promise<void>,
  exists: () => boolean | Promise<boolean> = () => existsSync(file),
): Promise<void> {
  if (await exists()) return;
  mkdirSync(TEST_TEMPLATE_DIR, { recursive: true });
  const lock = `${file}.lock`;
  for (;;) {
    if (await exists()) return;
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      if (!lockHolderAlive(lock)) rmSync(lock, { force: true });
      else await sleep(200);
    }
  }
  try {
    if (!(await exists())) await build();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, "utf8"));
    // Created, pid not yet written (or never: the creator died in between).
    if (!pid) return Date.now() - statSync(lock).mtimeMs < 10_000;
  } catch {
    return true; // gone meanwhile: try again
  }
  return processAlive(pid);
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

function templateDigest(name: string, migrationsDir: string, template: TestTemplate): string {
  const hash = createHash("sha256").update(`samraad-test-template/${TEMPLATE_FORMAT}\0${name}\0${template.key}\0`);
  for (const m of [...readMigrations(PLATFORM_MIGRATIONS_DIR), ...readMigrations(migrationsDir)]) hash.update(`${m.name}\0${m.checksum}\0`);
  hash.update(pgliteVersion());
  return hash.digest("hex").slice(0, 24);
}

/** The template of a database that is migrated and holds nothing else (the subgraphs' own tests start there). */
const MIGRATED_ONLY: TestTemplate = { key: "migrated-only", seed: async () => {} };

/**
 * A fresh, migrated database for one test file. With `template`, also seeded: the first
 * file to ask builds the template (migrate + seed) and keeps it (PGlite: a data folder
 * under TEST_TEMPLATE_DIR; PostgreSQL: a database `tpl_<name>_<digest>`), and every
 * later one starts from a copy of it (a copied folder; `CREATE DATABASE … TEMPLATE`).
 * Without one, from a template that is only migrated. The copy is migrated again, which
 * checks its ledger against the migrations on disk.
 */
export async function openTestDatabase(name: string, migrationsDir: string, template: TestTemplate = MIGRATED_ONLY): Promise<Database> {
  const digest = templateDigest(name, migrationsDir, template);
  return process.env.TEST_DATABASE === "postgres"
    ? openFromServerTemplate(name, migrationsDir, template, `tpl_${name.replace(/[^a-z0-9_]/gi, "_")}_${digest}`)
    : openFromPGliteTemplate(migrationsDir, template, join(TEST_TEMPLATE_DIR, `${name}-${digest}`));
}

async function openFromPGliteTemplate(migrationsDir: string, template: TestTemplate, folder: string): Promise<Database> {
  const initdb = await initdbFolder();
  await buildOnce(
    folder,
    () =>
      buildFolder(folder, initdb, async (url) => {
        await migrate(url, migrationsDir);
        await template.seed(url);
      }),
    () => isDataFolder(folder),
  );
  const embedded = await startCopyOf(folder);
  try {
    await migrate(embedded.url, migrationsDir);
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
  // One builder per clone at a time (the lock); across clones sharing a server, each builds
  // under a name of its own and renames it when complete: a template by the final name is
  // always whole, and the second rename fails and its copy is dropped.
  await buildOnce(
    join(TEST_TEMPLATE_DIR, `${templateName}.postgres`),
    async () => {
      const build = await createServerDatabase(`build_${name}`);
      try {
        await migrate(build.url, migrationsDir);
        await template.seed(build.url);
        await onServer((admin) => admin.query(`ALTER DATABASE ${build.dbName} RENAME TO ${templateName}`));
      } catch (error) {
        await build.drop();
        if (!(await exists())) throw error;
      }
    },
    exists,
  );
  const copy = await createServerDatabase(name, templateName);
  try {
    await migrate(copy.url, migrationsDir);
  } catch (error) {
    await copy.drop();
    throw error;
  }
  return { url: copy.url, kind: "postgres", close: () => copy.drop() };
}

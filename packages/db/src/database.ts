import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embedded.ts";
import { migrate } from "./migrator.ts";

/** The repository root, where `.data/` lives unless SAMRAAD_DATA_DIR says otherwise. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Database {
  url: string;
  /** "postgres" when <NAME>_DATABASE_URL pointed at a server, "pglite" for the embedded default. */
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** The owning subgraph: "municipality", "police", "health", "boernehus". */
  name: string;
  migrationsDir: string;
  /** An explicit URL (the service's config, tests) wins over the environment (scripts). */
  url?: string;
  /** Where embedded databases live (the service's config); default SAMRAAD_DATA_DIR, else .data/. */
  dataDir?: string;
  /** Keep an embedded database in memory instead of under .data/ (tests). */
  inMemory?: boolean;
  /** false: open it as it is, without migrating (a verifier reads; it never changes a schema). */
  migrate?: boolean;
}

/**
 * Opens a subgraph's own database and brings its schema up to date.
 * `<NAME>_DATABASE_URL` (e.g. POLICE_DATABASE_URL) selects a real PostgreSQL; otherwise
 * an embedded PGlite under `.data/<name>/` that lasts across restarts.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const envUrl = process.env[`${options.name.toUpperCase()}_DATABASE_URL`];
  const url = options.inMemory ? options.url : (options.url ?? envUrl);
  const migrating = options.migrate !== false;
  if (url) {
    if (migrating) await migrate(url, options.migrationsDir);
    return { url, kind: "postgres", close: async () => {} };
  }
  const dataRoot = options.dataDir ?? process.env.SAMRAAD_DATA_DIR ?? join(REPO_ROOT, ".data");
  const embedded = await startEmbeddedPostgres(options.inMemory ? undefined : join(dataRoot, options.name));
  try {
    if (migrating) await migrate(embedded.url, options.migrationsDir);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, kind: "pglite", close: () => embedded.stop() };
}

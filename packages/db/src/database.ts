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
  /** A real PostgreSQL (the service's config: <NAME>_DATABASE_URL); unset: embedded PGlite. */
  url?: string;
  /** Where embedded databases live (the service's config: SAMRAAD_DATA_DIR); default .data/. */
  dataDir?: string;
  /** Keep an embedded database in memory instead of under .data/ (tests). */
  inMemory?: boolean;
  /** false: open it as it is, without migrating (a verifier reads; it never changes a schema). */
  migrate?: boolean;
}

/**
 * Opens a subgraph's own database and brings its schema up to date: the PostgreSQL at
 * `url`, else an embedded PGlite under `<dataDir>/<name>/` that lasts across restarts.
 * A service hands over its parsed config's values; a script, databaseLocation's.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const url = options.url;
  const migrating = options.migrate !== false;
  if (url) {
    if (migrating) await migrate(url, options.migrationsDir);
    return { url, kind: "postgres", close: async () => {} };
  }
  const dataRoot = options.dataDir ?? join(REPO_ROOT, ".data");
  const embedded = await startEmbeddedPostgres(options.inMemory ? undefined : join(dataRoot, options.name));
  try {
    if (migrating) await migrate(embedded.url, options.migrationsDir);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, kind: "pglite", close: () => embedded.stop() };
}

/**
 * For scripts (seeding, retention, the audit verifier), which run beside the services
 * without a config of their own: the database a service named `name` uses, from the
 * same variables its config reads (`<NAME>_DATABASE_URL`, `SAMRAAD_DATA_DIR`).
 */
export function databaseLocation(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
): Pick<OpenDatabaseOptions, "url" | "dataDir"> {
  return { url: env[`${name.toUpperCase()}_DATABASE_URL`] || undefined, dataDir: env.SAMRAAD_DATA_DIR || undefined };
}

/**
 * For scripts: a subgraph's own database where its service finds it (databaseLocation), migrated.
 * Close it when done; one process at a time may open an embedded (PGlite) database.
 */
export function openSubgraphDatabase(
  subgraph: { name: string; migrationsDir: string },
  env: Readonly<Record<string, string | undefined>>,
): Promise<Database> {
  return openDatabase({ ...databaseLocation(subgraph.name, env), name: subgraph.name, migrationsDir: subgraph.migrationsDir });
}

/**
 * For scripts: runs `work` with a subgraph's data client on its own database (openSubgraphDatabase),
 * then disconnects the client and closes the database, whether `work` succeeded or not.
 */
export async function withSubgraphClient<C extends { $disconnect(): Promise<void> }, T>(
  subgraph: { name: string; migrationsDir: string; createClient(url: string): C },
  env: Readonly<Record<string, string | undefined>>,
  work: (client: C) => Promise<T>,
): Promise<T> {
  const database = await openSubgraphDatabase(subgraph, env);
  const client = subgraph.createClient(database.url);
  try {
    return await work(client);
  } finally {
    await client.$disconnect();
    await database.close();
  }
}

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SUBGRAPHS, type SubgraphName } from "@samraad/gateway";
import pg from "pg";
import { progressBar, seedAll, seedStatisticsReference } from "../../scripts/seeding.ts";

export interface BenchDatabases {
  kind: "postgres" | "pglite";
  /** What each subgraph process gets: <NAME>_DATABASE_URL, or SAMRAAD_DATA_DIR for PGlite. */
  env: Record<string, string>;
  /** Where each subgraph's database is, for the bench's own look-ups (PostgreSQL only). */
  urls: Partial<Record<SubgraphName, string>>;
}

export interface SeedReport {
  courses: number;
  seconds: number;
  coursesPerSecond: number;
  reused: boolean;
}

const SEED = 2026;
// About 2,000 courses a year nationally: 100k courses reach back 50 years, the newest are open.
const COURSES_PER_YEAR = 2000;

/**
 * PostgreSQL: one database per subgraph and size on the given server (samraad_bench_<courses>_<name>);
 * otherwise PGlite under bench/.data/pglite-<courses>. Each size is kept, so a re-run reuses it.
 */
export function benchDatabases(dataDir: string, courses: number, postgresUrl?: string): BenchDatabases {
  if (!postgresUrl) return { kind: "pglite", env: { SAMRAAD_DATA_DIR: join(dataDir, `pglite-${courses}`) }, urls: {} };
  const urls = Object.fromEntries(
    SUBGRAPHS.map((s) => {
      const url = new URL(postgresUrl);
      url.pathname = `/samraad_bench_${courses}_${s.name}`;
      return [s.name, url.toString()];
    }),
  ) as Record<SubgraphName, string>;
  const env = Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_DATABASE_URL`, urls[s.name]]));
  return { kind: "postgres", env, urls };
}

/**
 * Seeds N synthetic courses unless the same N is already there (a marker per target
 * under bench/.data); --reseed starts from empty databases.
 */
export async function seedBenchDatabases(
  databases: BenchDatabases,
  options: { dataDir: string; courses: number; reseed: boolean; postgresUrl?: string },
): Promise<SeedReport> {
  const marker = join(options.dataDir, `seeded-${databases.kind}-${options.courses}.json`);
  const target = options.postgresUrl ? await clusterOf(options.postgresUrl) : "pglite";
  const wanted = { courses: options.courses, seed: SEED, coursesPerYear: COURSES_PER_YEAR, target };
  if (!options.reseed && existsSync(marker)) {
    const seeded = JSON.parse(readFileSync(marker, "utf8")) as typeof wanted & { seconds: number; until?: string };
    if (JSON.stringify({ ...seeded, seconds: undefined, until: undefined }) === JSON.stringify(wanted)) {
      await completeStatistics(databases, options.postgresUrl);
      return {
        courses: seeded.courses,
        seconds: seeded.seconds,
        coursesPerSecond: Math.round(seeded.courses / seeded.seconds),
        reused: true,
      };
    }
  }
  rmSync(marker, { force: true });
  if (databases.kind === "postgres") {
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    try {
      for (const url of Object.values(databases.urls)) {
        const name = new URL(url).pathname.slice(1);
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}"`);
      }
    } finally {
      await admin.end();
    }
  } else {
    rmSync(databases.env.SAMRAAD_DATA_DIR as string, { recursive: true, force: true });
  }
  // seedAll opens each subgraph's database the way the subgraph does: from the environment.
  Object.assign(process.env, databases.env);
  const started = Date.now();
  // A world that ends now: the services run on the machine's clock (NODE_ENV=production). A reused
  // world has aged since, as a real installation's data would.
  const until = new Date().toISOString();
  await seedAll({ courses: options.courses, seed: SEED, coursesPerYear: COURSES_PER_YEAR, until, onProgress: progressBar("Seeding") });
  const seconds = (Date.now() - started) / 1000;
  if (databases.kind === "postgres") await analyze(databases);
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(marker, JSON.stringify({ ...wanted, seconds, until }));
  return { courses: options.courses, seconds, coursesPerSecond: Math.round(options.courses / seconds), reused: false };
}

/**
 * Which PostgreSQL cluster the URL reaches, the same over TCP or a Unix socket: the seeded
 * databases are reused by whichever route the next run takes.
 */
async function clusterOf(postgresUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()");
    return `postgres cluster ${rows[0]?.id}`;
  } finally {
    await admin.end();
  }
}

/**
 * A size seeded before the statistics service existed has no statistics database: make it and
 * load its reference data (it needs no courses; its facts come from the extraction).
 */
async function completeStatistics(databases: BenchDatabases, postgresUrl?: string): Promise<void> {
  if (databases.kind !== "postgres" || !databases.urls.statistics) return;
  const name = new URL(databases.urls.statistics).pathname.slice(1);
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) return;
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  Object.assign(process.env, databases.env);
  await seedStatisticsReference();
}

/** Fresh statistics after a bulk load, as autovacuum would give them a little later. */
async function analyze(databases: BenchDatabases): Promise<void> {
  for (const url of Object.values(databases.urls)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("VACUUM ANALYZE");
    await client.end();
  }
}

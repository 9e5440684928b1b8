/**
 * Seeds the synthetic world into all four subgraphs' own databases, each through its
 * own seed function (seed<Subgraph> in apps/<subgraph>/src/data/seed.ts). Used by
 * `npm run seed` and by `npm run dev` on first start.
 */
import { boernehus, seedBoernehus } from "@samraad/boernehus";
import { openSubgraphDatabase, withSubgraphClient } from "@samraad/db";
import { health, seedHealth } from "@samraad/health";
import { municipality, seedMunicipality } from "@samraad/municipality";
import { police, seedPolice } from "@samraad/police";
import { EXTRACTION_JOB, seedStatistics, statistics } from "@samraad/statistics";
import { type BulkInsertTarget, rescheduleJob } from "@samraad/subgraph-kit";
import { generateCourses, type SyntheticCourse } from "@samraad/synthetic";
import pg from "pg";

interface Target {
  name: string;
  migrationsDir: string;
  seed(pool: BulkInsertTarget, courses: SyntheticCourse[]): Promise<void>;
}

const TARGETS: Target[] = [
  { ...municipality, seed: seedMunicipality },
  { ...police, seed: seedPolice },
  { ...health, seed: seedHealth },
  { ...boernehus, seed: seedBoernehus },
];

export interface SeedOptions {
  courses: number;
  seed: number;
  /** Spread: fewer per year reaches further back, so more courses have run their whole course. */
  coursesPerYear?: number;
  /** The world's "now" (ISO instant): nothing after it has happened. */
  until: string;
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

export async function seedAll(options: SeedOptions): Promise<void> {
  const opened: Array<{ target: Target; database: Awaited<ReturnType<typeof openSubgraphDatabase>>; client: pg.Pool }> = [];
  try {
    for (const target of TARGETS) {
      const database = await openSubgraphDatabase(target, process.env);
      // node-postgres directly: bulk rows need neither Prisma's engine nor its transaction timeouts.
      opened.push({ target, database, client: new pg.Pool({ connectionString: database.url, max: 2 }) });
    }
    // Large batches: each table's rows go in as one set-wise INSERT (bulkInsert), so a
    // batch costs a handful of statements whatever its size. 1,000 courses a batch stays
    // well inside Prisma's transaction timeout on PGlite.
    const batchSize = options.batchSize ?? 1000;
    let batch: SyntheticCourse[] = [];
    let done = 0;
    // One batch is written while the next is generated: the database, not Node, sets the pace.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const courses = batch;
      batch = [];
      await writing;
      // The four sectors are independent databases: write them in parallel.
      writing = Promise.all(opened.map(({ target, client }) => target.seed(client, courses))).then(() => {
        done += courses.length;
        options.onProgress?.(done, options.courses);
      });
    };
    for (const course of generateCourses({
      seed: options.seed,
      courses: options.courses,
      coursesPerYear: options.coursesPerYear,
      until: options.until,
    })) {
      batch.push(course);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    await writing;
    await seedStatisticsReference();
  } finally {
    for (const { client, database } of opened) {
      await client.end();
      await database.close();
    }
  }
}

/**
 * The statistics service's reference data (synthetic child population). Its facts come from
 * its own extraction through the gateway once everything runs, so it needs no courses.
 */
export async function seedStatisticsReference(): Promise<void> {
  await withSubgraphClient(statistics, process.env, seedStatistics);
}

/**
 * Makes the statistics service's extraction due now, in whichever database `env` names, through
 * the schedule's own rescheduleJob: its schedule extracts once a period (claimPeriodicJob), so a
 * service started again within the period would otherwise wait for the next one.
 */
export async function makeStatisticsExtractionDue(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  await withSubgraphClient(statistics, env, (client) => rescheduleJob(client, EXTRACTION_JOB, new Date(0)));
}

/** A one-line progress bar on stderr. */
export function progressBar(label: string) {
  const started = Date.now();
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} courses (${rate.toFixed(0)}/s)`);
    if (done >= total) process.stderr.write("\n");
  };
}

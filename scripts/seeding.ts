/**
 * Seeds the synthetic world into all four subgraphs' own databases, each through
 * its own data layer (seed<Subgraph> in apps/<subgraph>/src/data/seed.ts). Used by
 * `npm run seed` and by `npm run dev` on first start.
 */
import { boernehus, seedBoernehus } from "@samraad/boernehus";
import { openDatabase } from "@samraad/db";
import { health, seedHealth } from "@samraad/health";
import { municipality, seedMunicipality } from "@samraad/municipality";
import { police, seedPolice } from "@samraad/police";
import { seedStatistics, statistics } from "@samraad/statistics";
import { generateCourses, type SyntheticCourse } from "@samraad/synthetic";

interface Target {
  name: string;
  migrationsDir: string;
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own Prisma client type
  createClient(url: string): any;
  // biome-ignore lint/suspicious/noExplicitAny: idem
  seed(client: any, courses: SyntheticCourse[]): Promise<void>;
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
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

export async function seedAll(options: SeedOptions): Promise<void> {
  const opened: Array<{ target: Target; database: Awaited<ReturnType<typeof openDatabase>>; client: ReturnType<Target["createClient"]> }> =
    [];
  try {
    for (const target of TARGETS) {
      const database = await openDatabase({ name: target.name, migrationsDir: target.migrationsDir });
      opened.push({ target, database, client: target.createClient(database.url) });
    }
    // PGlite writes ~1 ms a row: 100 courses a batch keeps each transaction well inside Prisma's 5 s.
    const batchSize = options.batchSize ?? 100;
    let batch: SyntheticCourse[] = [];
    let done = 0;
    const flush = async () => {
      // The four sectors are independent databases: write them in parallel.
      await Promise.all(opened.map(({ target, client }) => target.seed(client, batch)));
      done += batch.length;
      batch = [];
      options.onProgress?.(done, options.courses);
    };
    for (const course of generateCourses({ seed: options.seed, courses: options.courses, coursesPerYear: options.coursesPerYear })) {
      batch.push(course);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    // The statistics service's reference data (synthetic child population); its facts come
    // from its own extraction through the gateway once everything runs.
    const database = await openDatabase({ name: statistics.name, migrationsDir: statistics.migrationsDir });
    const client = statistics.createClient(database.url);
    opened.push({ target: { ...statistics, seed: async () => {} }, database, client });
    await seedStatistics(client);
  } finally {
    for (const { client, database } of opened) {
      await client.$disconnect();
      await database.close();
    }
  }
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

/**
 * Benchmark: how long one statistics table takes over N courses (default 100,000).
 *   npx tsx apps/statistics/bench/tables.ts [--courses 100000] [--runs 5]
 *
 * Loads the facts of N synthetic courses straight into a throwaway statistics database (the
 * facts a full extraction would write; going through the four sectors and the gateway would
 * only make the set-up slower, not the tables), then times computeStatisticsTable, the whole
 * of what the statistics service does per request: the aggregate queries, the suppression and
 * the row filtering. The end-to-end figure through the gateway is the bench harness's
 * (`statisticsTable` as analyst-national, docs/indicators.md).
 */
import { parseArgs } from "node:util";
import { openTestDatabase } from "@samraad/db";
import { DEFAULT_UNTIL, generateCourses, requirePersona } from "@samraad/synthetic";
import { statistics } from "../src/app.ts";
import { replaceFacts } from "../src/data/facts.ts";
import { seedStatistics } from "../src/data/seed.ts";
import { computeStatisticsTable } from "../src/resolvers/statisticsTable.ts";
import { factsOf } from "./syntheticFacts.ts";

const { values } = parseArgs({ options: { courses: { type: "string", default: "100000" }, runs: { type: "string", default: "5" } } });
const courses = Number(values.courses);
const runs = Number(values.runs);

const database = await openTestDatabase("statistics-bench", statistics.migrationsDir);
const db = statistics.createClient(database.url);
try {
  await seedStatistics(db);
  let started = Date.now();
  const facts = [...generateCourses({ seed: 2026, courses })].map(factsOf);
  const generated = Date.now() - started;
  started = Date.now();
  await replaceFacts(
    db,
    facts.map((f) => f.course),
    facts.flatMap((f) => f.assignments),
    // The facts are as of the end of the generated world, whatever the machine's date.
    { startedAt: new Date(`${DEFAULT_UNTIL}T00:00:00Z`), asOf: DEFAULT_UNTIL, elapsedMs: () => Date.now() - started },
  );
  console.log(`${courses} courses: generated in ${generated} ms, facts written in ${Date.now() - started} ms (${database.kind})`);

  const years = facts.map((f) => Number(f.course.referralReceivedOn.slice(0, 4)));
  const year = Number(DEFAULT_UNTIL.slice(0, 4)) - 1;
  console.log(`year ${year}: ${years.filter((y) => y === year).length} courses referred`);
  const analyst = requirePersona("analyst-national");
  for (const [level, breakdown] of [
    ["NATIONAL", "NONE"],
    ["MUNICIPALITY", "NONE"],
    ["MUNICIPALITY", "AGE_BAND"],
    ["MUNICIPALITY", "ABUSE_TYPE"],
    ["BOERNEHUS", "QUARTER"],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await computeStatisticsTable(db, { year, level, breakdown }, analyst);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${level.padEnd(12)} ${breakdown.padEnd(10)} median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, best ${times[0]?.toFixed(0)} ms, worst ${times.at(-1)?.toFixed(0)} ms`,
    );
  }
} finally {
  await db.$disconnect();
  await database.close();
}

/**
 * Fills the statistics database the national report reads (PGlite under SAMRAAD_DATA_DIR, or
 * STATISTICS_DATABASE_URL) with the facts of a generated world, without the sectors: for trying
 * `npm run national-report` on its own. Never against a real installation's database.
 *   SAMRAAD_DATA_DIR=/tmp/x npx tsx apps/statistics/bench/nationalReportDemo.ts --courses 6000
 */
import { parseArgs } from "node:util";
import { openSubgraphDatabase } from "@samraad/db";
import { DEFAULT_UNTIL, generateCourses } from "@samraad/synthetic";
import { statistics } from "../src/app.ts";
import { replaceFacts } from "../src/data/facts.ts";
import { seedStatistics } from "../src/data/seed.ts";
import { factsOf } from "./syntheticFacts.ts";

const { values } = parseArgs({ options: { courses: { type: "string", default: "6000" } } });
const database = await openSubgraphDatabase(statistics, process.env);
const db = statistics.createClient(database.url);
try {
  await seedStatistics(db);
  const facts = [...generateCourses({ seed: 2026, courses: Number(values.courses) })].map(factsOf);
  await replaceFacts(
    db,
    facts.map((f) => f.course),
    facts.flatMap((f) => f.assignments),
    { startedAt: new Date(`${DEFAULT_UNTIL}T00:00:00Z`), asOf: DEFAULT_UNTIL, elapsedMs: () => 0 },
  );
  console.log(`${facts.length} courses' facts as of ${DEFAULT_UNTIL}`);
} finally {
  await db.$disconnect();
  await database.close();
}

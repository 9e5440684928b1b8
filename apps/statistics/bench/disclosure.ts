/**
 * Disclosure scan over N synthetic courses (default 6,000: about 2,000 a year, the national volume).
 *   npx tsx apps/statistics/bench/disclosure.ts [--courses 6000]
 *
 * Loads the facts as bench/tables.ts does, builds every table of every year (three levels, five
 * breakdowns) and attacks each year's tables together with tests/statistics/disclosureScan.ts:
 * counts of 1-4 published, given away by share × base, or pinned by the sums. Prints the findings,
 * what stays published (shares, municipal caseloads) and the time spent protecting the tables.
 */
import { parseArgs } from "node:util";
import { openTestDatabase } from "@samraad/db";
import { DEFAULT_UNTIL, generateCourses } from "@samraad/synthetic";
import { type ScanTable, scanTables } from "../../../tests/statistics/disclosureScan.ts";
import { statistics } from "../src/app.ts";
import { type AggregateRow, caseloads, familyAggregates } from "../src/data/aggregates.ts";
import { latestAsOf, replaceFacts, yearsWithCourses } from "../src/data/facts.ts";
import { municipalities, population } from "../src/data/reference.ts";
import { seedStatistics } from "../src/data/seed.ts";
import { FAMILY_NAMES, type FamilyName, periodEnd, yearPeriod } from "../src/domain/indicators.ts";
import { buildTable } from "../src/domain/table.ts";
import { buildUnits } from "../src/domain/units.ts";
import type { StatisticsBreakdown } from "../src/generated/graphql.ts";
import { factsOf } from "./syntheticFacts.ts";

const { values } = parseArgs({ options: { courses: { type: "string", default: "6000" } } });
const courses = Number(values.courses);

const SHARES = [
  "samraadShare",
  "caseworkerContinuityShare",
  "measureWithin6MonthsShare",
  "anySupportWithin6MonthsShare",
  "caseworkersAboveGuidelineShare",
] as const;

const database = await openTestDatabase("statistics-disclosure", statistics.migrationsDir);
const db = statistics.createClient(database.url);
try {
  await seedStatistics(db);
  const started = Date.now();
  const facts = [...generateCourses({ seed: 2026, courses })].map(factsOf);
  await replaceFacts(
    db,
    facts.map((f) => f.course),
    facts.flatMap((f) => f.assignments),
    { startedAt: new Date(`${DEFAULT_UNTIL}T00:00:00Z`), asOf: DEFAULT_UNTIL, elapsedMs: () => Date.now() - started },
  );
  const asOf = await latestAsOf(db);
  const years = await yearsWithCourses(db);
  const units = buildUnits(await municipalities(db));
  const children = await population(db);
  const total = {
    cells: 0,
    findings: 0,
    differencing: 0,
    zeros: 0,
    sharesPublished: 0,
    sharesWithheld: 0,
    caseloadsPublished: 0,
    ms: 0,
    tables: 0,
  };
  for (const year of years) {
    const end = periodEnd(year, asOf);
    const period = { ...yearPeriod(year), asOf: asOf ?? "1970-01-01" };
    const familyCells = async (breakdown: StatisticsBreakdown) => {
      const out = {} as Record<FamilyName, AggregateRow[]>;
      for (const name of FAMILY_NAMES) out[name] = await familyAggregates(db, name, breakdown, period);
      return out;
    };
    const margins = await familyCells("NONE");
    const loads = await caseloads(db, end);
    const tables: ScanTable[] = [];
    for (const breakdown of ["NONE", "ABUSE_TYPE", "BURDEN_LEVEL", "AGE_BAND", "QUARTER"] as const) {
      const interior = breakdown === "NONE" ? null : await familyCells(breakdown);
      const rows: ScanTable["rows"] = [];
      for (const level of ["NATIONAL", "BOERNEHUS", "MUNICIPALITY"] as const) {
        const t0 = performance.now();
        const table = buildTable({
          year,
          level,
          breakdown,
          asOf,
          periodEnd: end,
          units,
          population: children,
          margins,
          interior,
          caseloads: loads,
          visible: () => true,
        });
        total.ms += performance.now() - t0;
        total.tables++;
        for (const r of table.rows) {
          for (const s of SHARES) if (r[s] !== null) total.sharesPublished++;
          total.sharesWithheld += r.suppressedShares.length;
          if (breakdown === "NONE" && r.level === "MUNICIPALITY" && r.caseworkers !== null) total.caseloadsPublished++;
        }
        rows.push(...table.rows.map((r) => ({ ...r })));
      }
      tables.push({ breakdown, rows });
    }
    const scan = scanTables(tables);
    total.cells += scan.cells;
    total.findings += scan.findings.length;
    total.differencing += scan.findings.filter((f) => f.how === "differencing").length;
    total.zeros += scan.zeros;
    for (const f of scan.findings.slice(0, 5)) console.log(`${year} ${f.cell} ${f.quantity} = ${f.value} (${f.how})`);
  }
  console.log(`${courses} courses, years ${years.join(", ")}`);
  console.log(
    `cells ${total.cells}: findings ${total.findings} (${total.differencing} by differencing), withheld zeros pinned ${total.zeros}`,
  );
  console.log(
    `shares published ${total.sharesPublished}, withheld ${total.sharesWithheld}; municipal caseloads published ${total.caseloadsPublished} (of ${98 * years.length})`,
  );
  console.log(`protecting ${total.tables} tables took ${total.ms.toFixed(0)} ms (${(total.ms / total.tables).toFixed(1)} ms a table)`);
} finally {
  await db.$disconnect();
  await database.close();
}

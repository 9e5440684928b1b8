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
import { ageBand, danishDate } from "@samraad/subgraph-kit";
import { DEFAULT_UNTIL, generateCourses, requirePersona, type SyntheticCourse } from "@samraad/synthetic";
import { statistics } from "../src/app.ts";
import { type AssignmentFactInput, type CourseFactInput, replaceFacts } from "../src/data/facts.ts";
import { seedStatistics } from "../src/data/seed.ts";
import { computeStatisticsTable } from "../src/resolvers/statisticsTable.ts";

const { values } = parseArgs({ options: { courses: { type: "string", default: "100000" }, runs: { type: "string", default: "5" } } });
const courses = Number(values.courses);
const runs = Number(values.runs);

const day = (iso: string | null | undefined) => (iso ? danishDate(new Date(iso)) : null);
const earliest = (isos: Array<string | null | undefined>) => isos.filter((x): x is string => Boolean(x)).sort()[0] ?? null;

/** The facts the sectors would hand over for one course (see statisticsFacts.ts in each sector subgraph). */
function factsOf(c: SyntheticCourse): { course: CourseFactInput; assignments: AssignmentFactInput[] } {
  const sent = c.finalNote?.status === "SENT" ? c.finalNote.sentAt : null;
  const closedOn = day(c.course.closedAt);
  const measureIds = new Set(c.recommendationResponses.filter((r) => r.response === "MEASURE").map((r) => r.measureId));
  const assignments = c.caseworkerAssignments.map((a) => ({
    coursePseudonym: c.caseId,
    caseworkerPseudonym: a.caseworkerSub,
    fromOn: day(a.from) as string,
    toOn: day(a.to),
  }));
  return {
    course: {
      coursePseudonym: c.caseId,
      region: c.region,
      municipalityCode: c.municipalityCode,
      courseType: c.course.type,
      abuseTypes: c.course.abuseTypes,
      burdenLevel: c.course.burdenLevel,
      ageBand: ageBand(c.course.childAgeAtReferral),
      referralReceivedOn: day(c.course.referralReceivedAt) as string,
      firstSamraadHeldOn: day(earliest(c.meetings.filter((m) => m.status === "HELD").map((m) => m.heldAt))),
      firstVideoInterviewHeldOn: c.police?.videoInterview?.status === "HELD" ? day(c.police.videoInterview.heldAt) : null,
      finalNoteSentOn: day(sent),
      recommendationCount: sent ? (c.finalNote?.recommendations.length ?? 0) : 0,
      responseMeasureStartedOn: day(earliest(c.measures.filter((m) => measureIds.has(m.id)).map((m) => m.startedAt))),
      otherSupportRespondedOn: day(
        earliest(c.recommendationResponses.filter((r) => r.response === "OTHER_SUPPORT").map((r) => r.respondedAt)),
      ),
      caseworkerCount: new Set(assignments.filter((a) => a.fromOn <= (closedOn ?? "9999")).map((a) => a.caseworkerPseudonym)).size,
      closedOn,
    },
    assignments,
  };
}

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

import type { FactSector } from "@samraad/statistics-catalogue";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  ASSIGNMENT_COLUMNS,
  courseFactJoin,
  type DerivedColumn,
  insertFromJson,
  recordset,
  type SectorFact,
  sectorFactColumns,
  stagedTable,
  stagingTable,
} from "./factColumns.ts";
import { deleteFacts, type ExtractionRunTiming, recordExtractionRun } from "./facts.ts";

/**
 * The extraction's staging: each sector's pages go into a table of their own as they arrive,
 * and the facts are then replaced set-wise in SQL. The join of 100k courses thus happens in
 * the database, not in the service's memory, which holds only the page in hand.
 *
 * The tables are temporary and dropped at commit (or rollback): they live only inside the
 * extraction's transaction, on its one connection, so concurrent extractions (one per replica)
 * never see each other's rows and nothing is left behind when an extraction fails.
 *
 * The columns follow from their declaration (packages/statistics-catalogue/src/facts.ts,
 * through factColumns.ts); only the survey answers and the caseworker count are written here.
 */

export type Tx = Prisma.TransactionClient;
export type { SectorFact } from "./factColumns.ts";

/** One answered outcome survey, from the børnehus (no course, no pseudonym). */
export interface SurveyFact {
  region: string;
  respondent: string;
  answeredOn: string;
  answers: Array<{ questionKey: string; score: number }>;
}

// The primary keys make a sector that hands over the same course twice fail the extraction
// (and so keep the previous facts) instead of silently doubling rows in the join.
const SECTORS: FactSector[] = ["boernehus", "municipality", "police"];
const STAGING_TABLES = [
  ...SECTORS.map((sector) => stagingTable(stagedTable(sector), sectorFactColumns(sector))),
  stagingTable("staged_assignment", ASSIGNMENT_COLUMNS, false),
  `CREATE TEMP TABLE staged_survey_answer (
     region "Region" NOT NULL, respondent text NOT NULL, "answeredOn" date NOT NULL, "questionKey" text NOT NULL, score int NOT NULL
   ) ON COMMIT DROP`,
];

/** Creates the empty staging tables; call first thing in the extraction's transaction. */
export async function createStaging(tx: Tx): Promise<void> {
  for (const sql of STAGING_TABLES) await tx.$executeRawUnsafe(sql);
}

/** One page of a sector's facts into staging: one statement, the page as one JSON parameter. */
export async function stageSectorPage<S extends FactSector>(tx: Tx, sector: S, facts: readonly SectorFact<S>[]): Promise<void> {
  await tx.$executeRawUnsafe(STAGE_PAGE[sector], JSON.stringify(facts));
}

/** The municipality's page: its courses and their nested assignments in one statement (the page is sent once). */
function stageWithAssignments(sector: FactSector): string {
  const columns = sectorFactColumns(sector);
  const page = recordset(columns);
  const assignments = recordset(ASSIGNMENT_COLUMNS.slice(1));
  return `WITH page AS (
       SELECT * FROM json_to_recordset($1::json) AS x(${page.declare}, assignments json)
     ), courses AS (
       INSERT INTO ${stagedTable(sector)} (${columns.map(([name]) => `"${name}"`).join(", ")})
       SELECT ${page.select} FROM page x
     )
     INSERT INTO staged_assignment
     SELECT page."coursePseudonym", ${assignments.select}
     FROM page CROSS JOIN LATERAL json_to_recordset(page.assignments) AS x(${assignments.declare})`;
}

const STAGE_PAGE: Record<FactSector, string> = {
  boernehus: insertFromJson(stagedTable("boernehus"), sectorFactColumns("boernehus")),
  municipality: stageWithAssignments("municipality"),
  police: insertFromJson(stagedTable("police"), sectorFactColumns("police")),
};

/** One page of answered surveys into staging, flattened to one row per answer. */
export async function stageSurveyPage(tx: Tx, facts: readonly SurveyFact[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO staged_survey_answer
     SELECT x.region::"Region", x.respondent, x."answeredOn", a."questionKey", a.score
     FROM json_to_recordset($1::json) AS x(region text, respondent text, "answeredOn" date, answers json)
     CROSS JOIN LATERAL json_to_recordset(x.answers) AS a("questionKey" text, score int)`,
    JSON.stringify(facts),
  );
}

/**
 * The børnehus's courses (the population) joined with the other sectors' facts. A course's
 * caseworkers are the distinct pseudonyms of its assignments that began by its close, or by
 * the extraction (asOf) while it is open: an assignment starting later is no part of it.
 * A sector's fact without a børnehus course joins nothing and is dropped.
 */
const DERIVED: Record<DerivedColumn, string> = { caseworkerCount: "coalesce(c.n, 0)" };
const JOIN = courseFactJoin(DERIVED);
const INSERT_COURSE_FACTS = `
  WITH caseworkers AS (
    SELECT b."coursePseudonym", count(DISTINCT a."caseworkerPseudonym")::int AS n
    FROM staged_boernehus b JOIN staged_assignment a ON a."coursePseudonym" = b."coursePseudonym"
    WHERE a."fromOn" <= coalesce(b."closedOn", $1::date)
    GROUP BY b."coursePseudonym"
  )
  INSERT INTO "CourseFact" (${JOIN.columns})
  SELECT ${JOIN.select}
  FROM staged_boernehus b
  ${JOIN.joins}
  LEFT JOIN caseworkers c ON c."coursePseudonym" = b."coursePseudonym"`;

/** Every assignment of a course in the population (all of them, not only those counted as its caseworkers). */
const INSERT_ASSIGNMENT_FACTS = `
  INSERT INTO "AssignmentFact" ("coursePseudonym", "caseworkerPseudonym", "fromOn", "toOn")
  SELECT a."coursePseudonym", a."caseworkerPseudonym", a."fromOn", a."toOn"
  FROM staged_assignment a
  WHERE EXISTS (SELECT 1 FROM staged_boernehus b WHERE b."coursePseudonym" = a."coursePseudonym")`;

/**
 * Replaces the facts with the staged ones and records the extraction run, in the caller's
 * transaction: readers see the old extraction or the new one, never half.
 */
export async function replaceFactsFromStaging(tx: Tx, run: ExtractionRunTiming): Promise<{ courses: number; assignments: number }> {
  // Temporary tables are never analysed by autovacuum; without statistics the planner may
  // choose nested loops over 100k rows for the joins below.
  await tx.$executeRawUnsafe(`ANALYZE ${[...SECTORS.map(stagedTable), "staged_assignment"].join(", ")}`);
  await deleteFacts(tx);
  const courses = await tx.$executeRawUnsafe(INSERT_COURSE_FACTS, run.asOf);
  const assignments = await tx.$executeRawUnsafe(INSERT_ASSIGNMENT_FACTS);
  await tx.$executeRawUnsafe(
    `INSERT INTO "SurveyAnswerFact" (region, respondent, "answeredOn", "questionKey", score)
     SELECT region, respondent, "answeredOn", "questionKey", score FROM staged_survey_answer`,
  );
  await recordExtractionRun(tx, run, courses);
  return { courses, assignments };
}

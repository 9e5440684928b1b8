import type { Gender, OtherSupportKind, Prisma, SuspectRelationGroup } from "../generated/prisma/client.ts";
import { type CourseFactInput, deleteFacts, type ExtractionRunTiming, recordExtractionRun } from "./facts.ts";

/**
 * The extraction's staging: each sector's pages go into a table of their own as they arrive,
 * and the facts are then replaced set-wise in SQL. The join of 100k courses thus happens in
 * the database, not in the service's memory, which holds only the page in hand.
 *
 * The tables are temporary and dropped at commit (or rollback): they live only inside the
 * extraction's transaction, on its one connection, so concurrent extractions (one per replica)
 * never see each other's rows and nothing is left behind when an extraction fails.
 */

export type Tx = Prisma.TransactionClient;

/** What the børnehus hands over per course (GraphQL field names of BoernehusStatisticsFact). */
export type BoernehusFact = Omit<
  CourseFactInput,
  | "firstVideoInterviewHeldOn"
  | "responseMeasureStartedOn"
  | "otherSupportRespondedOn"
  | "otherSupportKind"
  | "firstDeclinedOn"
  | "declinedForMotivation"
  | "responseMeasureLadderStep"
  | "caseworkerCount"
  | "childGender"
  | "suspectRelationGroups"
>;
/** What the municipality hands over per course, with its caseworker assignments. */
export interface MunicipalityFact {
  coursePseudonym: string;
  responseMeasureStartedOn: string | null;
  otherSupportRespondedOn: string | null;
  otherSupportKind: OtherSupportKind | null;
  firstDeclinedOn: string | null;
  declinedForMotivation: boolean;
  responseMeasureLadderStep: number | null;
  childGender: Gender;
  assignments: Array<{ caseworkerPseudonym: string; fromOn: string; toOn: string | null }>;
}
/** What the police hand over per course. */
export interface PoliceFact {
  coursePseudonym: string;
  firstVideoInterviewHeldOn: string | null;
  suspectRelationGroups: SuspectRelationGroup[];
}

/** One answered outcome survey, from the børnehus (no course, no pseudonym). */
export interface SurveyFact {
  region: string;
  respondent: string;
  answeredOn: string;
  answers: Array<{ questionKey: string; score: number }>;
}

// The primary keys make a sector that hands over the same course twice fail the extraction
// (and so keep the previous facts) instead of silently doubling rows in the join.
const STAGING_TABLES = [
  `CREATE TEMP TABLE staged_boernehus (
     "coursePseudonym" text PRIMARY KEY, region "Region" NOT NULL, "municipalityCode" text NOT NULL,
     "courseType" "CourseType" NOT NULL, "abuseTypes" "AbuseType"[] NOT NULL, "burdenLevel" "BurdenLevel" NOT NULL,
     "ageBand" "AgeBand" NOT NULL, "referralReceivedOn" date NOT NULL, "firstSamraadHeldOn" date, "finalNoteSentOn" date,
     "recommendationCount" int NOT NULL, "closedOn" date
   ) ON COMMIT DROP`,
  `CREATE TEMP TABLE staged_municipality (
     "coursePseudonym" text PRIMARY KEY, "responseMeasureStartedOn" date, "otherSupportRespondedOn" date,
     "otherSupportKind" "OtherSupportKind", "firstDeclinedOn" date, "declinedForMotivation" boolean NOT NULL,
     "responseMeasureLadderStep" int, "childGender" "Gender"
   ) ON COMMIT DROP`,
  `CREATE TEMP TABLE staged_assignment (
     "coursePseudonym" text NOT NULL, "caseworkerPseudonym" text NOT NULL, "fromOn" date NOT NULL, "toOn" date
   ) ON COMMIT DROP`,
  `CREATE TEMP TABLE staged_police (
     "coursePseudonym" text PRIMARY KEY, "firstVideoInterviewHeldOn" date,
     "suspectRelationGroups" "SuspectRelationGroup"[] NOT NULL
   ) ON COMMIT DROP`,
  `CREATE TEMP TABLE staged_survey_answer (
     region "Region" NOT NULL, respondent text NOT NULL, "answeredOn" date NOT NULL, "questionKey" text NOT NULL, score int NOT NULL
   ) ON COMMIT DROP`,
];

/** Creates the empty staging tables; call first thing in the extraction's transaction. */
export async function createStaging(tx: Tx): Promise<void> {
  for (const sql of STAGING_TABLES) await tx.$executeRawUnsafe(sql);
}

/** One page of the børnehus's facts into staging: one statement, the page as one JSON parameter. */
export async function stageBoernehusPage(tx: Tx, facts: readonly BoernehusFact[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO staged_boernehus
     SELECT x."coursePseudonym", x.region::"Region", x."municipalityCode", x."courseType"::"CourseType",
       ARRAY(SELECT json_array_elements_text(x."abuseTypes"))::"AbuseType"[], x."burdenLevel"::"BurdenLevel", x."ageBand"::"AgeBand",
       x."referralReceivedOn", x."firstSamraadHeldOn", x."finalNoteSentOn", x."recommendationCount", x."closedOn"
     FROM json_to_recordset($1::json) AS x("coursePseudonym" text, region text, "municipalityCode" text, "courseType" text,
       "abuseTypes" json, "burdenLevel" text, "ageBand" text, "referralReceivedOn" date, "firstSamraadHeldOn" date,
       "finalNoteSentOn" date, "recommendationCount" int, "closedOn" date)`,
    JSON.stringify(facts),
  );
}

/**
 * One page of the municipality's facts into staging, the courses and their nested assignments
 * in one statement (the page is sent once).
 */
export async function stageMunicipalityPage(tx: Tx, facts: readonly MunicipalityFact[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH page AS (
       SELECT * FROM json_to_recordset($1::json)
         AS x("coursePseudonym" text, "responseMeasureStartedOn" date, "otherSupportRespondedOn" date, "otherSupportKind" text,
           "firstDeclinedOn" date, "declinedForMotivation" boolean, "responseMeasureLadderStep" int, "childGender" text, assignments json)
     ), courses AS (
       INSERT INTO staged_municipality
       SELECT "coursePseudonym", "responseMeasureStartedOn", "otherSupportRespondedOn", "otherSupportKind"::"OtherSupportKind",
         "firstDeclinedOn", coalesce("declinedForMotivation", false), "responseMeasureLadderStep", "childGender"::"Gender" FROM page
     )
     INSERT INTO staged_assignment
     SELECT page."coursePseudonym", a."caseworkerPseudonym", a."fromOn", a."toOn"
     FROM page CROSS JOIN LATERAL json_to_recordset(page.assignments) AS a("caseworkerPseudonym" text, "fromOn" date, "toOn" date)`,
    JSON.stringify(facts),
  );
}

/** One page of the police's facts into staging. */
export async function stagePolicePage(tx: Tx, facts: readonly PoliceFact[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO staged_police
     SELECT x."coursePseudonym", x."firstVideoInterviewHeldOn",
       ARRAY(SELECT json_array_elements_text(x."suspectRelationGroups"))::"SuspectRelationGroup"[]
     FROM json_to_recordset($1::json) AS x("coursePseudonym" text, "firstVideoInterviewHeldOn" date, "suspectRelationGroups" json)`,
    JSON.stringify(facts),
  );
}

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
const INSERT_COURSE_FACTS = `
  WITH caseworkers AS (
    SELECT b."coursePseudonym", count(DISTINCT a."caseworkerPseudonym")::int AS n
    FROM staged_boernehus b JOIN staged_assignment a ON a."coursePseudonym" = b."coursePseudonym"
    WHERE a."fromOn" <= coalesce(b."closedOn", $1::date)
    GROUP BY b."coursePseudonym"
  )
  INSERT INTO "CourseFact" ("coursePseudonym", region, "municipalityCode", "courseType", "abuseTypes", "burdenLevel", "ageBand",
    "referralReceivedOn", "firstSamraadHeldOn", "firstVideoInterviewHeldOn", "finalNoteSentOn", "recommendationCount",
    "responseMeasureStartedOn", "otherSupportRespondedOn", "otherSupportKind", "firstDeclinedOn", "declinedForMotivation",
    "responseMeasureLadderStep", "caseworkerCount", "closedOn", "childGender", "suspectRelationGroups")
  SELECT b."coursePseudonym", b.region, b."municipalityCode", b."courseType", b."abuseTypes", b."burdenLevel", b."ageBand",
    b."referralReceivedOn", b."firstSamraadHeldOn", p."firstVideoInterviewHeldOn", b."finalNoteSentOn", b."recommendationCount",
    m."responseMeasureStartedOn", m."otherSupportRespondedOn", m."otherSupportKind", m."firstDeclinedOn",
    coalesce(m."declinedForMotivation", false), m."responseMeasureLadderStep", coalesce(c.n, 0), b."closedOn", m."childGender",
    coalesce(p."suspectRelationGroups", '{}')
  FROM staged_boernehus b
  LEFT JOIN staged_municipality m ON m."coursePseudonym" = b."coursePseudonym"
  LEFT JOIN staged_police p ON p."coursePseudonym" = b."coursePseudonym"
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
  await tx.$executeRawUnsafe(`ANALYZE staged_boernehus, staged_municipality, staged_assignment, staged_police`);
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

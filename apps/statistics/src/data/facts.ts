import type {
  AbuseType,
  AgeBand,
  BurdenLevel,
  CourseType,
  Gender,
  OtherSupportKind,
  Prisma,
  PrismaClient,
  Region,
  SuspectRelationGroup,
} from "../generated/prisma/client.ts";

/** One course's joined facts, as the extraction writes them. Dates are YYYY-MM-DD. */
export interface CourseFactInput {
  coursePseudonym: string;
  region: Region;
  municipalityCode: string;
  courseType: CourseType;
  abuseTypes: AbuseType[];
  burdenLevel: BurdenLevel;
  ageBand: AgeBand;
  referralReceivedOn: string;
  firstSamraadHeldOn: string | null;
  firstVideoInterviewHeldOn: string | null;
  finalNoteSentOn: string | null;
  recommendationCount: number;
  responseMeasureStartedOn: string | null;
  otherSupportRespondedOn: string | null;
  /** The kind of that earliest other support; optional for callers that predate the kinds. */
  otherSupportKind?: OtherSupportKind | null;
  /** Optional for callers that predate issue 23 (the table benchmark): null, false and null. */
  firstDeclinedOn?: string | null;
  declinedForMotivation?: boolean;
  responseMeasureLadderStep?: number | null;
  caseworkerCount: number;
  closedOn: string | null;
  /** Optional for callers that predate the national report (the table benchmark): null and none. */
  childGender?: Gender | null;
  suspectRelationGroups?: SuspectRelationGroup[];
}

export interface AssignmentFactInput {
  coursePseudonym: string;
  caseworkerPseudonym: string;
  fromOn: string;
  toOn: string | null;
}

const CHUNK = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Removes every fact; only ever inside the transaction that writes their replacement. */
export async function deleteFacts(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM "AssignmentFact"`);
  await tx.$executeRawUnsafe(`DELETE FROM "SurveyAnswerFact"`);
  await tx.$executeRawUnsafe(`DELETE FROM "CourseFact"`);
}

/** What an extraction run records: when it started (the service's clock) and how long it has taken since. */
export interface ExtractionRunTiming {
  startedAt: Date;
  asOf: string;
  elapsedMs(): number;
}

/** Records a finished extraction; its asOf is what the tables report the facts describe. */
export async function recordExtractionRun(tx: Prisma.TransactionClient, run: ExtractionRunTiming, courses: number): Promise<void> {
  const finishedAt = new Date(run.startedAt.getTime() + Math.round(run.elapsedMs()));
  await tx.extractionRun.create({
    data: { startedAt: run.startedAt, finishedAt, asOf: new Date(`${run.asOf}T00:00:00Z`), courses },
  });
}

/**
 * Replaces all facts with facts already in memory, in one transaction (a full refresh:
 * readers see the old extraction or the new one, never half). Rows go in as one JSON
 * parameter per 5,000: one statement each instead of one per row, which is what makes 100k
 * courses a matter of seconds. The extraction streams through staging instead (staging.ts);
 * this is for callers that already hold the facts (the table benchmark).
 */
export async function replaceFacts(
  db: PrismaClient,
  courses: readonly CourseFactInput[],
  assignments: readonly AssignmentFactInput[],
  run: ExtractionRunTiming,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await deleteFacts(tx);
      for (const part of chunks(courses)) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "CourseFact" ("coursePseudonym", region, "municipalityCode", "courseType", "abuseTypes", "burdenLevel", "ageBand",
             "referralReceivedOn", "firstSamraadHeldOn", "firstVideoInterviewHeldOn", "finalNoteSentOn", "recommendationCount",
             "responseMeasureStartedOn", "otherSupportRespondedOn", "otherSupportKind", "firstDeclinedOn", "declinedForMotivation",
             "responseMeasureLadderStep", "caseworkerCount", "closedOn", "childGender", "suspectRelationGroups")
           SELECT x."coursePseudonym", x.region::"Region", x."municipalityCode", x."courseType"::"CourseType",
             ARRAY(SELECT json_array_elements_text(x."abuseTypes"))::"AbuseType"[], x."burdenLevel"::"BurdenLevel", x."ageBand"::"AgeBand",
             x."referralReceivedOn", x."firstSamraadHeldOn", x."firstVideoInterviewHeldOn", x."finalNoteSentOn", x."recommendationCount",
             x."responseMeasureStartedOn", x."otherSupportRespondedOn", x."otherSupportKind"::"OtherSupportKind", x."firstDeclinedOn",
             coalesce(x."declinedForMotivation", false), x."responseMeasureLadderStep", x."caseworkerCount", x."closedOn", x."childGender"::"Gender",
             ARRAY(SELECT json_array_elements_text(coalesce(x."suspectRelationGroups", '[]')))::"SuspectRelationGroup"[]
           FROM json_to_recordset($1::json) AS x("coursePseudonym" text, region text, "municipalityCode" text, "courseType" text,
             "abuseTypes" json, "burdenLevel" text, "ageBand" text, "referralReceivedOn" date, "firstSamraadHeldOn" date,
             "firstVideoInterviewHeldOn" date, "finalNoteSentOn" date, "recommendationCount" int, "responseMeasureStartedOn" date,
             "otherSupportRespondedOn" date, "otherSupportKind" text, "firstDeclinedOn" date, "declinedForMotivation" boolean,
             "responseMeasureLadderStep" int, "caseworkerCount" int, "closedOn" date, "childGender" text, "suspectRelationGroups" json)`,
          JSON.stringify(part),
        );
      }
      for (const part of chunks(assignments)) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "AssignmentFact" ("coursePseudonym", "caseworkerPseudonym", "fromOn", "toOn")
           SELECT x."coursePseudonym", x."caseworkerPseudonym", x."fromOn", x."toOn"
           FROM json_to_recordset($1::json) AS x("coursePseudonym" text, "caseworkerPseudonym" text, "fromOn" date, "toOn" date)`,
          JSON.stringify(part),
        );
      }
      await recordExtractionRun(tx, run, courses.length);
    },
    { timeout: 300_000 },
  );
}

/** The day the facts describe (YYYY-MM-DD), or null before the first extraction. */
export async function latestAsOf(db: PrismaClient): Promise<string | null> {
  const run = await db.extractionRun.findFirst({ orderBy: { finishedAt: "desc" }, select: { asOf: true } });
  return run ? run.asOf.toISOString().slice(0, 10) : null;
}

/** The calendar years with a referral received. */
export async function yearsWithCourses(db: PrismaClient): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<Array<{ year: number }>>(
    `SELECT DISTINCT extract(year FROM "referralReceivedOn")::int AS year FROM "CourseFact" ORDER BY 1`,
  );
  return rows.map((r) => r.year);
}

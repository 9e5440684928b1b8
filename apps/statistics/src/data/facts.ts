import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { ASSIGNMENT_COLUMNS, type AssignmentFact, COURSE_COLUMNS, type CourseFactInput, insertFromJson } from "./factColumns.ts";

export type { CourseFactInput } from "./factColumns.ts";
export type AssignmentFactInput = AssignmentFact & { coursePseudonym: string };

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

/** Facts held in memory may leave out another sector's columns: those take their whenMissing value. */
const INSERT_COURSES = insertFromJson(`"CourseFact"`, COURSE_COLUMNS, true);
const INSERT_ASSIGNMENTS = insertFromJson(`"AssignmentFact"`, ASSIGNMENT_COLUMNS);

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
      for (const part of chunks(courses)) await tx.$executeRawUnsafe(INSERT_COURSES, JSON.stringify(part));
      for (const part of chunks(assignments)) await tx.$executeRawUnsafe(INSERT_ASSIGNMENTS, JSON.stringify(part));
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

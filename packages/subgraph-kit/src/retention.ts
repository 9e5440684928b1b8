import { env, z } from "@samraad/config";
import { SUBGRAPH_VARIABLES } from "./config.ts";
import type { SqlClient } from "./idempotency.ts";
import { purgeIdempotencyKeys } from "./idempotency.ts";

/**
 * One step of a subgraph's retention plan: an UPDATE (anonymise) or DELETE on its own
 * tables for one case. `sql` gets $1 = the case id (text) and $2 = every case id that is
 * due (text[]): a row shared by several cases (a child with two courses) is only
 * anonymised when all of them are due.
 */
export interface RetentionStep {
  /** The Prisma model, e.g. "Child". */
  entity: string;
  action: "DELETED" | "ANONYMISED";
  /** Which fields lose their values (never the values themselves). */
  fieldPaths: string[];
  sql: string;
}

export interface ClosedCourse {
  caseId: string;
  closedAt: Date;
}

export interface RetentionClient extends SqlClient {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's transaction client type is per subgraph
  $transaction<T>(work: (tx: any) => Promise<T>): Promise<T>;
}

/** Days after a course closes before a sector's personal data go: `<SECTOR>_RETENTION_DAYS`. */
export const DEFAULT_RETENTION_DAYS: Record<string, number> = {
  // The municipality's case files: 5 years after the case ends (Arkivloven practice for child cases varies; set it per municipality).
  municipality: 5 * 365,
  // Police: the investigation's own rules apply; 5 years unless the police district sets otherwise.
  police: 5 * 365,
  // Patient records: at least 10 years after the last entry (journalføringsbekendtgørelsen §15).
  health: 10 * 365,
  boernehus: 5 * 365,
};

/**
 * `npm run retention`'s environment (scripts/retention.ts parses it once with loadConfig):
 * each sector's `<SECTOR>_RETENTION_DAYS`, a whole number of days, as sector name → days,
 * and SAMRAAD_IDEMPOTENCY_KEY_HOURS by the services' own piece.
 */
export const retentionEnvironment = z
  .object(
    Object.fromEntries(
      Object.entries(DEFAULT_RETENTION_DAYS).map(([sector, fallback]) => [
        `${sector.toUpperCase()}_RETENTION_DAYS`,
        env.wholeNumber({ min: 0, max: 1_000 * 365, fallback, expects: "a whole number of days" }),
      ]),
    ),
  )
  .extend({ SAMRAAD_IDEMPOTENCY_KEY_HOURS: SUBGRAPH_VARIABLES.SAMRAAD_IDEMPOTENCY_KEY_HOURS })
  .transform((vars) => ({
    days: Object.fromEntries(
      Object.keys(DEFAULT_RETENTION_DAYS).map((sector) => [sector, vars[`${sector.toUpperCase()}_RETENTION_DAYS`] as number]),
    ),
    idempotencyKeyHours: vars.SAMRAAD_IDEMPOTENCY_KEY_HOURS as number,
  }));

export interface RetentionResult {
  subgraph: string;
  retentionDays: number;
  /** Cases processed in this run (each in its own transaction). */
  cases: string[];
  /** Rows changed per entity. */
  rows: Record<string, number>;
  idempotencyKeysPurged: number;
}

/**
 * Deletes or anonymises the personal data of every course that closed more than the
 * subgraph's retention period ago, case by case, each in one transaction with its
 * entries in samraad_meta.deletion_log (what, when, which case: never the values).
 * A case already in the deletion log is not processed again. Ids, dates, kinds,
 * statuses and codes stay: the statistics are built from them.
 */
export async function applyRetention(
  client: RetentionClient,
  options: { subgraph: string; plan: RetentionStep[]; closedCourses: ClosedCourse[]; now: Date; days: number; idempotencyKeyHours: number },
): Promise<RetentionResult> {
  const { days } = options;
  const cutoff = options.now.getTime() - days * 86_400_000;
  const due = options.closedCourses.filter((c) => c.closedAt.getTime() <= cutoff);
  const dueIds = due.map((c) => c.caseId);
  const done = new Set(
    (
      await client.$queryRawUnsafe<Array<{ case_id: string }>>(
        "SELECT DISTINCT case_id FROM samraad_meta.deletion_log WHERE case_id = ANY($1::text[])",
        dueIds,
      )
    ).map((r) => r.case_id),
  );
  const result: RetentionResult = { subgraph: options.subgraph, retentionDays: days, cases: [], rows: {}, idempotencyKeysPurged: 0 };
  for (const course of due) {
    if (done.has(course.caseId)) continue;
    await client.$transaction(async (tx: SqlClient) => {
      for (const step of options.plan) {
        const params = step.sql.includes("$2") ? [course.caseId, dueIds] : [course.caseId];
        const rows = await tx.$executeRawUnsafe(step.sql, ...params);
        result.rows[step.entity] = (result.rows[step.entity] ?? 0) + rows;
        await tx.$executeRawUnsafe(
          `INSERT INTO samraad_meta.deletion_log (case_id, closed_at, retention_days, entity, action, field_paths, rows)
           VALUES ($1, $2, $3, $4, $5, $6::text[], $7)`,
          course.caseId,
          course.closedAt,
          days,
          step.entity,
          step.action,
          step.fieldPaths,
          rows,
        );
      }
    });
    result.cases.push(course.caseId);
  }
  // Stored first results of idempotent mutations may hold personal data: they go after hours, not years.
  result.idempotencyKeysPurged = await purgeIdempotencyKeys(client, options.now, options.idempotencyKeyHours);
  return result;
}

/** The marker that replaces a required text: the web app shows it as such. */
export const ANONYMISED = "[anonymiseret]";

/**
 * The SQL pieces every sector's retention steps are written with (parameter $1 is the case id).
 * A stable pseudonym for a staff subject: caseload and continuity still count people, no one is named.
 */
export const pseudonymSql = (column: string) => `'pseud:' || md5(${column})`;
/** The rows of this case. */
export const OF_CASE_SQL = `"caseId" = $1::uuid`;
/** A required text becomes the marker. */
export const anonymisedTextSql = (column: string) => `"${column}" = '${ANONYMISED}'`;
/** An optional text becomes the marker where it was set, and stays unset where it was not. */
export const anonymisedIfSetSql = (column: string) => `"${column}" = CASE WHEN "${column}" IS NULL THEN NULL ELSE '${ANONYMISED}' END`;

/**
 * The motivation record (packages/subgraph-kit/schema/motivation.graphql), which the børnehus
 * and the municipality each keep in the same table: the levels and barriers stay (the statistics
 * count them); the free text and the person go. `typeName` is the sector's GraphQL type.
 */
export function motivationRecordRetention(typeName: string): RetentionStep {
  return {
    entity: "MotivationRecord",
    action: "ANONYMISED",
    fieldPaths: [`${typeName}.otherBarrier`, `${typeName}.recordedByName`],
    sql: `UPDATE "MotivationRecord" SET ${anonymisedIfSetSql("otherBarrier")},
            "recordedBySub" = ${pseudonymSql('"recordedBySub"')}, ${anonymisedTextSql("recordedByName")}
          WHERE ${OF_CASE_SQL} AND "recordedBySub" NOT LIKE 'pseud:%'`,
  };
}

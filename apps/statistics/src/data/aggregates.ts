import { type Breakdown, CATEGORIES, FAMILIES, type Family, type FamilyName } from "../domain/indicators.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** One aggregated cell as the database returns it. */
export interface AggregateRow {
  region: string | null;
  municipality: string | null;
  category: string | null;
  /** 0 municipality, 1 børnehus (region), 3 country: GROUPING(region, municipality). */
  grouping: number;
  n: number;
  a: number;
  b: number;
  /** The family's further numerators (Family.parts), in order; empty where it has none. */
  parts: number[];
  median: number | null;
  p90: number | null;
}

function categoryExpression(breakdown: Breakdown, date: string): string {
  switch (breakdown) {
    case "NONE":
      return "NULL::text";
    case "ABUSE_TYPE":
    case "SUSPECT_RELATION":
      return "t.value::text";
    case "COURSE_TYPE":
      return `f."courseType"::text`;
    case "GENDER":
      return `f."childGender"::text`;
    case "BURDEN_LEVEL":
      return `f."burdenLevel"::text`;
    case "AGE_BAND":
      return `f."ageBand"::text`;
    case "QUARTER":
      return `'Q' || extract(quarter FROM ${date})::int::text`;
  }
}

/**
 * One family's cells for every municipality, børnehus and the country (GROUPING SETS), by
 * category when there is a breakdown (then without the unit totals, which come from the
 * NONE query: with abuse types a course counts once per type, so those totals would be wrong).
 */
/** A course counts once under each of its values (abuse types; suspects' relation groups, or none). */
function unnestExpression(breakdown: Breakdown): string {
  if (breakdown === "ABUSE_TYPE") return `CROSS JOIN LATERAL unnest(f."abuseTypes"::text[]) AS t(value)`;
  if (breakdown !== "SUSPECT_RELATION") return "";
  return `CROSS JOIN LATERAL unnest(CASE WHEN cardinality(f."suspectRelationGroups") > 0
    THEN f."suspectRelationGroups"::text[] ELSE ARRAY['NONE_RECORDED'] END) AS t(value)`;
}

export function aggregateSql(family: Family, breakdown: Breakdown): string {
  const category = categoryExpression(breakdown, family.date);
  const unnest = unnestExpression(breakdown);
  const sets =
    breakdown === "NONE" ? `(region, municipality), (region), ()` : `(region, municipality, category), (region, category), (category)`;
  const filter = (column: string) => `count(*) FILTER (WHERE ${column})::int`;
  const parts = family.parts ?? [];
  const percentile = (p: number) => (family.days ? `percentile_cont(${p}) WITHIN GROUP (ORDER BY days)` : "NULL::float8");
  return `
    SELECT region::text AS region, municipality, ${breakdown === "NONE" ? "NULL::text" : "category"} AS category, GROUPING(region, municipality)::int AS grouping,
           count(*)::int AS n, ${filter("a")} AS a, ${filter("b")} AS b,
           ${parts.length ? `ARRAY[${parts.map((_, i) => filter(`p${i}`)).join(", ")}]` : "ARRAY[]::int[]"} AS parts,
           ${percentile(0.5)} AS median, ${percentile(0.9)} AS p90
    FROM (
      SELECT m.region, f."municipalityCode" AS municipality, ${category} AS category,
             ${family.a ? `(${family.a})` : "false"} AS a, ${family.b ? `(${family.b})` : "false"} AS b,
             ${parts.map((p, i) => `(${p}) AS p${i}, `).join("")}${family.days ?? "NULL::int"} AS days
      FROM "CourseFact" f
      JOIN "Municipality" m ON m.code = f."municipalityCode"
      ${unnest}
      WHERE ${family.date} >= $1::date AND ${family.date} < $2::date ${family.where ? `AND ${family.where}` : ""}
    ) x
    GROUP BY GROUPING SETS (${sets})`;
}

export async function familyAggregates(
  db: PrismaClient,
  name: FamilyName,
  breakdown: Breakdown,
  period: { from: string; to: string; asOf: string },
): Promise<AggregateRow[]> {
  const sql = aggregateSql(FAMILIES[name], breakdown);
  // $3 (asOf) only where the family refers to it: PostgreSQL refuses unused parameters.
  const params = sql.includes("$3") ? [period.from, period.to, period.asOf] : [period.from, period.to];
  const rows = await db.$queryRawUnsafe<AggregateRow[]>(sql, ...params);
  const known = new Set(CATEGORIES[breakdown]);
  return rows.filter((r) => breakdown === "NONE" || (r.category !== null && known.has(r.category)));
}

export interface CaseloadRow {
  municipality: string;
  caseworker: string;
  courses: number;
}

/** Open courses per caseworker on a date (assignment current, course referred and not closed). */
export async function caseloads(db: PrismaClient, date: string): Promise<CaseloadRow[]> {
  return db.$queryRawUnsafe<CaseloadRow[]>(
    `SELECT f."municipalityCode" AS municipality, a."caseworkerPseudonym" AS caseworker, count(DISTINCT f."coursePseudonym")::int AS courses
     FROM "AssignmentFact" a
     JOIN "CourseFact" f ON f."coursePseudonym" = a."coursePseudonym"
     WHERE a."fromOn" <= $1::date AND (a."toOn" IS NULL OR a."toOn" > $1::date)
       AND f."referralReceivedOn" <= $1::date AND (f."closedOn" IS NULL OR f."closedOn" > $1::date)
     GROUP BY 1, 2`,
    date,
  );
}

/** The survey answers given in [from, to) (dates in Danish time), one row per answer. */
export async function surveyAnswers(db: PrismaClient, period: { from: string; to: string }) {
  return db.surveyAnswerFact.findMany({
    where: { answeredOn: { gte: new Date(period.from), lt: new Date(period.to) } },
    select: { region: true, respondent: true, questionKey: true, score: true },
  });
}

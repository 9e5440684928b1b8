import type { Principal } from "@samraad/access";
import { badInput } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { caseloads, familyAggregates, surveyAnswers } from "../data/aggregates.ts";
import { latestAsOf, yearsWithCourses } from "../data/facts.ts";
import { municipalities, population } from "../data/reference.ts";
import { tableCsv } from "../domain/csv.ts";
import { type Breakdown, FAMILY_NAMES, type FamilyName, periodEnd, yearPeriod } from "../domain/indicators.ts";
import { surveyStatistics } from "../domain/surveys.ts";
import { buildTable, type IndicatorTable, type TableInput } from "../domain/table.ts";
import { buildUnits, visibleUnit } from "../domain/units.ts";
import type { QueryResolvers, StatisticsLevel, StatisticsTableResolvers } from "../generated/graphql.ts";

async function familyCells(db: Context["db"], breakdown: Breakdown, period: { from: string; to: string; asOf: string }) {
  // One after another: PGlite serves one query at a time anyway, PostgreSQL would not mind.
  const out = {} as Record<FamilyName, Awaited<ReturnType<typeof familyAggregates>>>;
  for (const name of FAMILY_NAMES) out[name] = await familyAggregates(db, name, breakdown, period);
  return out;
}

/** Everything a year's table is built from, for every level at once (the national report builds three from one). */
export type TableInputs = Omit<TableInput, "level" | "visible">;

export async function loadTableInputs(db: Context["db"], year: number, breakdown: Breakdown): Promise<TableInputs> {
  if (!Number.isInteger(year) || year < 2013 || year > 2100)
    throw badInput("year must be a calendar year from 2013 (the first børnehuse).", "year");
  const asOf = await latestAsOf(db);
  const end = periodEnd(year, asOf);
  const period = { ...yearPeriod(year), asOf: asOf ?? "1970-01-01" };
  const [refs, children, margins, interior, loads] = [
    await municipalities(db),
    await population(db),
    await familyCells(db, "NONE", period),
    breakdown === "NONE" ? null : await familyCells(db, breakdown, period),
    await caseloads(db, end),
  ];
  return {
    year,
    breakdown,
    asOf,
    periodEnd: end,
    units: buildUnits(refs),
    population: children,
    margins,
    interior,
    caseloads: loads,
  };
}

/** One protected table for the principal (also what the benchmark times, without HTTP). */
export async function computeStatisticsTable(
  db: Context["db"],
  args: { year: number; level: StatisticsLevel; breakdown: Breakdown },
  principal: Principal,
): Promise<IndicatorTable> {
  const inputs = await loadTableInputs(db, args.year, args.breakdown);
  return buildTable({ ...inputs, level: args.level, visible: visibleUnit(principal) });
}

export const statisticsQueries: Pick<QueryResolvers, "statisticsTable" | "statisticsStatus" | "surveyStatistics"> = {
  surveyStatistics: async (_root, { year }, ctx) => {
    if (!Number.isInteger(year) || year < 2013 || year > 2100)
      throw badInput("year must be a calendar year from 2013 (the first børnehuse).", "year");
    const units = buildUnits(await municipalities(ctx.db));
    return surveyStatistics(await surveyAnswers(ctx.db, yearPeriod(year)), units, visibleUnit(ctx.principal));
  },
  statisticsTable: (_root, args, ctx) => computeStatisticsTable(ctx.db, args, ctx.principal),
  statisticsStatus: async (_root, _args, ctx) => ({ asOf: await latestAsOf(ctx.db), years: await yearsWithCourses(ctx.db) }),
};

export const StatisticsTable: StatisticsTableResolvers = {
  csv: (table) => tableCsv(table),
};

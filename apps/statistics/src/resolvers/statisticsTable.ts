import { badInput } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { caseloads, familyAggregates } from "../data/aggregates.ts";
import { latestAsOf, yearsWithCourses } from "../data/facts.ts";
import { municipalities, population } from "../data/reference.ts";
import { tableCsv } from "../domain/csv.ts";
import { FAMILY_NAMES, type FamilyName, periodEnd, yearPeriod } from "../domain/indicators.ts";
import { buildTable } from "../domain/table.ts";
import { buildUnits, visibleUnit } from "../domain/units.ts";
import type { QueryResolvers, StatisticsBreakdown, StatisticsTableResolvers } from "../generated/graphql.ts";

async function familyCells(ctx: Context, breakdown: StatisticsBreakdown, period: { from: string; to: string; asOf: string }) {
  // One after another: PGlite serves one query at a time anyway, PostgreSQL would not mind.
  const out = {} as Record<FamilyName, Awaited<ReturnType<typeof familyAggregates>>>;
  for (const name of FAMILY_NAMES) out[name] = await familyAggregates(ctx.db, name, breakdown, period);
  return out;
}

export const statisticsQueries: Pick<QueryResolvers, "statisticsTable" | "statisticsStatus"> = {
  statisticsTable: async (_root, { year, level, breakdown }, ctx) => {
    if (!Number.isInteger(year) || year < 2013 || year > 2100)
      throw badInput("year must be a calendar year from 2013 (the first børnehuse).", "year");
    const asOf = await latestAsOf(ctx.db);
    const end = periodEnd(year, asOf);
    const period = { ...yearPeriod(year), asOf: asOf ?? "1970-01-01" };
    const [refs, children, margins, interior, loads] = [
      await municipalities(ctx.db),
      await population(ctx.db),
      await familyCells(ctx, "NONE", period),
      breakdown === "NONE" ? null : await familyCells(ctx, breakdown, period),
      await caseloads(ctx.db, end),
    ];
    return buildTable({
      year,
      level,
      breakdown,
      asOf,
      periodEnd: end,
      units: buildUnits(refs),
      population: children,
      margins,
      interior,
      caseloads: loads,
      visible: visibleUnit(ctx.principal),
    });
  },
  statisticsStatus: async (_root, _args, ctx) => ({ asOf: await latestAsOf(ctx.db), years: await yearsWithCourses(ctx.db) }),
};

export const StatisticsTable: StatisticsTableResolvers = {
  csv: (table) => tableCsv(table),
};

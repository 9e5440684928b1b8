import type { StatisticsIndicator, StatisticsLevel, StatisticsShare } from "../generated/graphql.ts";
import type { Breakdown } from "./indicators.ts";
import type { IndicatorRow, IndicatorTable } from "./table.ts";

/**
 * The yearly report to the national authority's registration system (Social- og Boligstyrelsen's
 * "Børnehus IT"; docs/indicators.md, "National report"). Every figure is a cell of a protected
 * statistics table (the same suppression as the statistics page), so the report publishes
 * nothing the tables withhold, and nothing about a course but aggregates.
 *
 * Bump NATIONAL_REPORT_SCHEMA_VERSION (and apps/statistics/national-report.schema.json) when a
 * figure or field changes meaning: major for a change a reader must adapt to, minor for an addition.
 */
export const NATIONAL_REPORT_SCHEMA_VERSION = "1.0.0";

export type NationalFigure =
  | "COURSES_STARTED"
  | "COURSES_CLOSED"
  | "COURSES_STARTED_BY_COURSE_TYPE"
  | "COURSES_PER_1000_CHILDREN"
  | "COURSES_STARTED_BY_ABUSE_TYPE"
  | "COURSES_STARTED_BY_GENDER"
  | "SAMRAAD_HELD"
  | "COURSES_STARTED_BY_SUSPECT_RELATION"
  | "FOLLOW_THROUGH_COURSES"
  | "MEASURE_WITHIN_6_MONTHS_SHARE"
  | "ANY_SUPPORT_WITHIN_6_MONTHS_SHARE";

/** One published cell: a figure for one unit (and category). value null: withheld (suppressed) or not defined. */
export interface NationalReportCell {
  figure: NationalFigure;
  level: StatisticsLevel;
  unitCode: string;
  unitName: string;
  category: string | null;
  value: number | null;
  suppressed: boolean;
}

export interface ExtractionRunRef {
  id: string;
  startedAt: string;
  finishedAt: string;
  asOf: string;
  courses: number;
}

export interface NationalReport {
  schemaVersion: string;
  report: "BOERNEHUS_NATIONAL_YEARLY";
  year: number;
  asOf: string;
  periodEnd: string;
  extractionRun: ExtractionRunRef;
  disclosureControl: { minChildren: number; rules: string };
  cells: NationalReportCell[];
}

/** How one figure is read from a table row: its value and whether it is withheld. */
interface FigureSource {
  figure: NationalFigure;
  breakdown: Breakdown;
  value: (row: IndicatorRow) => number | null;
  indicator: StatisticsIndicator;
  share?: StatisticsShare;
}

const started = (figure: NationalFigure, breakdown: Breakdown): FigureSource => ({
  figure,
  breakdown,
  value: (r) => r.coursesStarted,
  indicator: "COURSES_STARTED",
});

/** The figures, in the report's order, each with the table (breakdown) it comes from. */
export const FIGURES: readonly FigureSource[] = [
  started("COURSES_STARTED", "NONE"),
  { figure: "COURSES_CLOSED", breakdown: "NONE", value: (r) => r.coursesClosed, indicator: "COURSES_CLOSED" },
  started("COURSES_STARTED_BY_COURSE_TYPE", "COURSE_TYPE"),
  { figure: "COURSES_PER_1000_CHILDREN", breakdown: "NONE", value: (r) => r.coursesPer1000Children, indicator: "COURSES_STARTED" },
  started("COURSES_STARTED_BY_ABUSE_TYPE", "ABUSE_TYPE"),
  started("COURSES_STARTED_BY_GENDER", "GENDER"),
  { figure: "SAMRAAD_HELD", breakdown: "NONE", value: (r) => r.samraadCourses, indicator: "DAYS_TO_SAMRAAD" },
  started("COURSES_STARTED_BY_SUSPECT_RELATION", "SUSPECT_RELATION"),
  { figure: "FOLLOW_THROUGH_COURSES", breakdown: "NONE", value: (r) => r.followThroughCourses, indicator: "FOLLOW_THROUGH" },
  {
    figure: "MEASURE_WITHIN_6_MONTHS_SHARE",
    breakdown: "NONE",
    value: (r) => r.measureWithin6MonthsShare,
    indicator: "FOLLOW_THROUGH",
    share: "MEASURE_WITHIN_6_MONTHS_SHARE",
  },
  {
    figure: "ANY_SUPPORT_WITHIN_6_MONTHS_SHARE",
    breakdown: "NONE",
    value: (r) => r.anySupportWithin6MonthsShare,
    indicator: "FOLLOW_THROUGH",
    share: "ANY_SUPPORT_WITHIN_6_MONTHS_SHARE",
  },
];

/** The breakdowns whose tables the report needs. */
export const REPORT_BREAKDOWNS: readonly Breakdown[] = [...new Set(FIGURES.map((f) => f.breakdown))];

/**
 * The report from the year's protected tables (every level of every breakdown it needs). A
 * breakdown's figures take its category rows; a figure without breakdown takes the totals.
 */
export function buildNationalReport(args: {
  year: number;
  extractionRun: ExtractionRunRef;
  tables: ReadonlyMap<Breakdown, readonly IndicatorTable[]>;
  minChildren: number;
}): NationalReport {
  const cells: NationalReportCell[] = [];
  let periodEnd = "";
  for (const source of FIGURES) {
    for (const table of args.tables.get(source.breakdown) ?? []) {
      periodEnd = table.periodEnd;
      for (const row of table.rows) {
        if ((source.breakdown === "NONE") !== (row.category === null)) continue;
        const suppressed =
          row.suppressed.includes(source.indicator) || (source.share !== undefined && row.suppressedShares.includes(source.share));
        cells.push({
          figure: source.figure,
          level: row.level,
          unitCode: row.unitCode,
          unitName: row.unitName,
          category: row.category,
          value: suppressed ? null : source.value(row),
          suppressed,
        });
      }
    }
  }
  return {
    schemaVersion: NATIONAL_REPORT_SCHEMA_VERSION,
    report: "BOERNEHUS_NATIONAL_YEARLY",
    year: args.year,
    asOf: args.extractionRun.asOf,
    periodEnd,
    extractionRun: args.extractionRun,
    disclosureControl: {
      minChildren: args.minChildren,
      rules: "docs/indicators.md#suppression: the statistics tables' primary, secondary and audited suppression",
    },
    cells,
  };
}

const DECIMALS: Partial<Record<NationalFigure, number>> = {
  COURSES_PER_1000_CHILDREN: 3,
  MEASURE_WITHIN_6_MONTHS_SHARE: 4,
  ANY_SUPPORT_WITHIN_6_MONTHS_SHARE: 4,
};

function csvField(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One row per (figure, unit, category), as the statistics CSV writes it: semicolons, a decimal
 * point, `..` for a withheld value and an empty field for one that is not defined.
 */
export function nationalReportCsv(report: NationalReport): string {
  const header = "figure;level;unitCode;unitName;category;value";
  const lines = report.cells.map((c) => {
    const decimals = DECIMALS[c.figure];
    const value = c.suppressed ? ".." : c.value === null ? "" : decimals === undefined ? String(c.value) : c.value.toFixed(decimals);
    return [c.figure, c.level, c.unitCode, csvField(c.unitName), c.category ?? "", value].join(";");
  });
  return `${[header, ...lines].join("\n")}\n`;
}

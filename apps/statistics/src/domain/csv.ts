import type { IndicatorRow, IndicatorTable } from "./table.ts";

/**
 * CSV of a statistics table, for download: semicolon-separated with a decimal point (opens in
 * Danish spreadsheets and parses anywhere), one header line, '..' where a value is suppressed
 * and an empty field where it is not defined (caseload by category). A share withheld on its own
 * (its base published) is '..' too. Columns use the GraphQL
 * field names, so a script can read either.
 */
type Column = {
  name: keyof IndicatorRow;
  decimals?: number;
  indicator?: IndicatorRow["suppressed"][number];
  /** A share can be withheld while its base is published (StatisticsRow.suppressedShares). */
  share?: IndicatorRow["suppressedShares"][number];
};

const COLUMNS: Column[] = [
  { name: "level" },
  { name: "unitCode" },
  { name: "unitName" },
  { name: "category" },
  { name: "coursesStarted", indicator: "COURSES_STARTED" },
  { name: "coursesPer1000Children", decimals: 3, indicator: "COURSES_STARTED" },
  { name: "samraadShare", decimals: 4, indicator: "COURSES_STARTED", share: "SAMRAAD_SHARE" },
  { name: "coursesClosed", indicator: "COURSES_CLOSED" },
  { name: "caseworkerContinuityShare", decimals: 4, indicator: "COURSES_CLOSED", share: "CASEWORKER_CONTINUITY_SHARE" },
  { name: "samraadCourses", indicator: "DAYS_TO_SAMRAAD" },
  { name: "daysToSamraadMedian", decimals: 1, indicator: "DAYS_TO_SAMRAAD" },
  { name: "daysToSamraadP90", decimals: 1, indicator: "DAYS_TO_SAMRAAD" },
  { name: "videoInterviewCourses", indicator: "DAYS_TO_VIDEO_INTERVIEW" },
  { name: "daysToVideoInterviewMedian", decimals: 1, indicator: "DAYS_TO_VIDEO_INTERVIEW" },
  { name: "daysToVideoInterviewP90", decimals: 1, indicator: "DAYS_TO_VIDEO_INTERVIEW" },
  { name: "finalNoteCourses", indicator: "DAYS_TO_FINAL_NOTE" },
  { name: "daysToFinalNoteMedian", decimals: 1, indicator: "DAYS_TO_FINAL_NOTE" },
  { name: "daysToFinalNoteP90", decimals: 1, indicator: "DAYS_TO_FINAL_NOTE" },
  { name: "followThroughCourses", indicator: "FOLLOW_THROUGH" },
  { name: "measureWithin6MonthsShare", decimals: 4, indicator: "FOLLOW_THROUGH", share: "MEASURE_WITHIN_6_MONTHS_SHARE" },
  { name: "anySupportWithin6MonthsShare", decimals: 4, indicator: "FOLLOW_THROUGH", share: "ANY_SUPPORT_WITHIN_6_MONTHS_SHARE" },
  {
    name: "otherSupportOnlyWithin6MonthsShare",
    decimals: 4,
    indicator: "FOLLOW_THROUGH",
    share: "OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE",
  },
  { name: "otherSupportAlongsideCourseShare", decimals: 4, indicator: "FOLLOW_THROUGH", share: "OTHER_SUPPORT_KIND_SHARES" },
  { name: "otherSupportEarlyPreventiveShare", decimals: 4, indicator: "FOLLOW_THROUGH", share: "OTHER_SUPPORT_KIND_SHARES" },
  { name: "otherSupportPrivateTreatmentShare", decimals: 4, indicator: "FOLLOW_THROUGH", share: "OTHER_SUPPORT_KIND_SHARES" },
  { name: "declinedCourses", indicator: "DECLINED_SUPPORT" },
  { name: "declinedForMotivationShare", decimals: 4, indicator: "DECLINED_SUPPORT", share: "DECLINED_FOR_MOTIVATION_SHARE" },
  { name: "measuresStarted", indicator: "MEASURES_STARTED" },
  { name: "measureLadderStepMedian", decimals: 1, indicator: "MEASURES_STARTED" },
  { name: "placementShare", decimals: 4, indicator: "MEASURES_STARTED", share: "PLACEMENT_SHARE" },
  { name: "openCoursesAtPeriodEnd", indicator: "CASELOAD" },
  { name: "caseworkers", indicator: "CASELOAD" },
  { name: "meanCaseload", decimals: 2, indicator: "CASELOAD" },
  { name: "caseworkersAboveGuidelineShare", decimals: 4, indicator: "CASELOAD", share: "CASEWORKERS_ABOVE_GUIDELINE_SHARE" },
];

function field(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(row: IndicatorRow, column: Column): string {
  const value = row[column.name];
  if (value === null || value === undefined) {
    const withheld =
      (column.indicator && row.suppressed.includes(column.indicator)) || (column.share && row.suppressedShares.includes(column.share));
    return withheld ? ".." : "";
  }
  if (typeof value === "number") return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
  return field(String(value));
}

export function tableCsv(table: IndicatorTable): string {
  const lines = [COLUMNS.map((c) => c.name).join(";"), ...table.rows.map((row) => COLUMNS.map((c) => cell(row, c)).join(";"))];
  return `${lines.join("\n")}\n`;
}

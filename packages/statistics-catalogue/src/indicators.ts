/**
 * The statistics table's indicators and columns, each declared once (docs/indicators.md). From
 * this list follow: the statistics subgraph's StatisticsIndicator and StatisticsShare enums and its
 * StatisticsRow type (rendered at `npm run generate`, sdl.ts), and from those the generated
 * TypeScript row type; the CSV's columns, decimals and '..' marks (apps/statistics domain/csv.ts);
 * and the CSV's headers in words, Danish and English (the web's spreadsheet download).
 * How each column is computed (the families' SQL, suppression) stays in apps/statistics/src/domain.
 */

/** Each indicator counts a set of courses attributed to the period by one date (CASELOAD: caseworkers on a date). */
export const INDICATORS = {
  COURSES_STARTED: "Courses by the day their referral was received.",
  COURSES_CLOSED: "Courses by the day they were closed.",
  DAYS_TO_SAMRAAD: "Courses by the day their first samråd was held.",
  DAYS_TO_VIDEO_INTERVIEW: "Courses by the day their first video interview was held.",
  DAYS_TO_FINAL_NOTE: "Courses by the day their final note was sent.",
  FOLLOW_THROUGH: "Courses by the day their final note with recommendations was sent, six months passed since.",
  DECLINED_SUPPORT: "Courses by the municipality's first answer declining recommended support.",
  MEASURES_STARTED: "Courses by the start of their first measure given in answer to a recommendation.",
  CASELOAD: "Caseworkers and their open courses at the end of the period.",
} as const;
export type Indicator = keyof typeof INDICATORS;

/**
 * The shares of a row, as StatisticsRow.suppressedShares names them, in that order. A share is
 * published only where its base is, and where its numerator and its complement (base − numerator)
 * are counts that could be published themselves (at least 5), so that share × base gives no 1-4 away.
 */
export const SHARES = {
  SAMRAAD_SHARE: undefined,
  CASEWORKER_CONTINUITY_SHARE: undefined,
  MEASURE_WITHIN_6_MONTHS_SHARE: undefined,
  ANY_SUPPORT_WITHIN_6_MONTHS_SHARE: undefined,
  OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE: "The difference between the two: withheld where either of them is.",
  OTHER_SUPPORT_KIND_SHARES: "The three other-support kind shares together (national total row only).",
  DECLINED_FOR_MOTIVATION_SHARE: undefined,
  PLACEMENT_SHARE: undefined,
  CASEWORKERS_ABOVE_GUIDELINE_SHARE: undefined,
} as const satisfies Record<string, string | undefined>;
export type Share = keyof typeof SHARES;
export const SHARE_NAMES = Object.keys(SHARES) as Share[];

/** A column's header in words, for a spreadsheet. */
export interface Header {
  da: string;
  en: string;
}

export type Measure = "count" | "shareA" | "shareB" | "median" | "p90" | "computed";

/** A figure of a row: what it counts, how the CSV writes it, what it is called. */
export interface FigureColumn {
  type: "Int" | "Float";
  /** The indicator whose suppression withholds it. */
  indicator: Indicator;
  /** A share can be withheld on its own while its base is published. */
  share?: Share;
  /**
   * What the figure is, of its indicator's courses (apps/statistics/src/domain/table.ts): their
   * count, the share of the family's first or second numerator, the median or 90th percentile of
   * its days; "computed": a rule of its own there (the rate per 1,000 children, other support, caseload).
   */
  measure: Measure;
  /** Decimals in the CSV (a count: as it is). */
  decimals?: number;
  description?: string;
  header: Header;
}

/** The row's identity, before its figures: who and which category it counts. */
export const ROW_KEY_COLUMNS = {
  level: { type: "StatisticsLevel!", header: { da: "Niveau", en: "Level" } },
  unitCode: {
    type: "String!",
    description: "DK, a region code (HOVEDSTADEN) or a municipality code (0101).",
    header: { da: "Enhedskode", en: "Unit code" },
  },
  unitName: { type: "String!", header: { da: "Enhed", en: "Unit" } },
  category: {
    type: "String",
    description: "The breakdown category (SEXUAL, LOW, AGE_0_5, Q2); null on the unit's total row.",
    header: { da: "Kategori", en: "Category" },
  },
} as const satisfies Record<string, { type: string; description?: string; header: Header }>;

function share<M extends "shareA" | "shareB" | "computed" = "shareA">(
  indicator: Indicator,
  name: Share,
  description: string | undefined,
  header: Header,
  measure: M = "shareA" as M,
): FigureColumn & { measure: M } {
  return { type: "Float", indicator, share: name, measure, decimals: 4, ...(description ? { description } : {}), header };
}
function count(indicator: Indicator, description: string, header: Header): FigureColumn & { measure: "count" } {
  return { type: "Int", indicator, measure: "count", description, header };
}

/**
 * A waiting time's three figures: the courses it counts, and the median and 90th percentile of
 * their days from referral (`what` names the step: samråd, video interview, final note).
 */
function waitingTime<K extends string>(indicator: Indicator, key: K, what: Header, description: string) {
  const step = `${key.charAt(0).toUpperCase()}${key.slice(1)}` as Capitalize<K>;
  return {
    [`${key}Courses`]: count(indicator, description, { da: `Forløb med ${what.da}`, en: `Courses with ${what.en}` }),
    [`daysTo${step}Median`]: days(indicator, "median", { da: `Dage til ${what.da}, median`, en: `Days to ${what.en}, median` }),
    [`daysTo${step}P90`]: days(indicator, "p90", { da: `Dage til ${what.da}, 90. percentil`, en: `Days to ${what.en}, 90th percentile` }),
  } as Record<`${K}Courses`, FigureColumn & { measure: "count" }> &
    Record<`daysTo${Capitalize<K>}Median`, FigureColumn & { measure: "median" }> &
    Record<`daysTo${Capitalize<K>}P90`, FigureColumn & { measure: "p90" }>;
}

function days<M extends "median" | "p90">(
  indicator: Indicator,
  measure: M,
  header: Header,
  description?: string,
): FigureColumn & { measure: M } {
  return { type: "Float", indicator, measure, decimals: 1, ...(description ? { description } : {}), header };
}

/** The figures of a row, in the order of StatisticsRow and of the CSV. */
export const FIGURE_COLUMNS = {
  coursesStarted: count("COURSES_STARTED", "Courses whose referral was received in the period.", {
    da: "Forløb startet",
    en: "Courses started",
  }),
  coursesPer1000Children: {
    type: "Float",
    indicator: "COURSES_STARTED",
    measure: "computed",
    decimals: 3,
    description: "Courses started per 1,000 children aged 0-17 living in the unit (in the age band, for AGE_BAND).",
    header: { da: "Forløb pr. 1.000 børn", en: "Courses per 1,000 children" },
  },
  samraadShare: share("COURSES_STARTED", "SAMRAAD_SHARE", "Of the courses started: the share that has had a samråd meeting (0-1).", {
    da: "Andel med samråd",
    en: "Share with samråd",
  }),
  coursesClosed: count("COURSES_CLOSED", "Courses closed in the period.", { da: "Forløb afsluttet", en: "Courses closed" }),
  caseworkerContinuityShare: share(
    "COURSES_CLOSED",
    "CASEWORKER_CONTINUITY_SHARE",
    "Of the courses closed: the share with one caseworker throughout (0-1).",
    { da: "Andel med én sagsbehandler", en: "Share with one caseworker" },
  ),
  ...waitingTime(
    "DAYS_TO_SAMRAAD",
    "samraad",
    { da: "samråd", en: "samråd" },
    "Courses whose first samråd was held in the period; days from referral: median and 90th percentile.",
  ),
  ...waitingTime(
    "DAYS_TO_VIDEO_INTERVIEW",
    "videoInterview",
    { da: "videoafhøring", en: "video interview" },
    "Courses whose first video interview was held in the period; days from referral.",
  ),
  ...waitingTime(
    "DAYS_TO_FINAL_NOTE",
    "finalNote",
    { da: "afsluttende notat", en: "final note" },
    "Courses whose final note was sent in the period; days from referral.",
  ),
  followThroughCourses: count(
    "FOLLOW_THROUGH",
    "Courses whose final note, sent in the period, recommended support, with six months passed since.",
    { da: "Forløb fulgt op", en: "Courses followed up" },
  ),
  measureWithin6MonthsShare: share(
    "FOLLOW_THROUGH",
    "MEASURE_WITHIN_6_MONTHS_SHARE",
    "Of those: the share where a measure answering a recommendation started within six months (seed: 67%).",
    { da: "Andel med foranstaltning inden 6 måneder", en: "Share with a measure within 6 months" },
  ),
  anySupportWithin6MonthsShare: share(
    "FOLLOW_THROUGH",
    "ANY_SUPPORT_WITHIN_6_MONTHS_SHARE",
    "Of those: the share with a measure or other support within six months (seed: 76%).",
    { da: "Andel med støtte inden 6 måneder", en: "Share with support within 6 months" },
    "shareB",
  ),
  otherSupportOnlyWithin6MonthsShare: share(
    "FOLLOW_THROUGH",
    "OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE",
    "The difference between the two: other support only, no measure within six months (seed: 9 points).",
    { da: "Andel med kun anden støtte inden 6 måneder", en: "Share with other support only within 6 months" },
    "computed",
  ),
  otherSupportAlongsideCourseShare: share(
    "FOLLOW_THROUGH",
    "OTHER_SUPPORT_KIND_SHARES",
    "That difference by the kind of the earliest other support, as shares of the same courses\n(the three add up to it, less any answer given before the kinds existed). The national total\nrow only; null on every other row.",
    { da: "Heraf støtte sideløbende med forløbet", en: "Of which support alongside the course" },
    "computed",
  ),
  otherSupportEarlyPreventiveShare: share(
    "FOLLOW_THROUGH",
    "OTHER_SUPPORT_KIND_SHARES",
    undefined,
    { da: "Heraf tidlig forebyggende støtte", en: "Of which early preventive support" },
    "computed",
  ),
  otherSupportPrivateTreatmentShare: share(
    "FOLLOW_THROUGH",
    "OTHER_SUPPORT_KIND_SHARES",
    undefined,
    { da: "Heraf privat behandling, som kommunen kender til", en: "Of which private treatment known to the municipality" },
    "computed",
  ),
  declinedCourses: count(
    "DECLINED_SUPPORT",
    "Courses where the municipality declined recommended support, by its first such answer in the period.",
    { da: "Forløb hvor støtte blev afslået", en: "Courses where support was declined" },
  ),
  declinedForMotivationShare: share(
    "DECLINED_SUPPORT",
    "DECLINED_FOR_MOTIVATION_SHARE",
    "Of those: the share declined for the family's motivation (declineReason FAMILY_MOTIVATION).",
    { da: "Andel afslået på grund af familiens motivation", en: "Share declined for the family's motivation" },
  ),
  measuresStarted: count("MEASURES_STARTED", "Courses whose first measure given in answer to a recommendation started in the period.", {
    da: "Forløb med foranstaltning startet",
    en: "Courses with a measure started",
  }),
  measureLadderStepMedian: days(
    "MEASURES_STARTED",
    "median",
    { da: "Trin på indsatstrappen, median", en: "Step on the intervention ladder, median" },
    "Of those: the median step of that measure on the intervention ladder (1 preventive ... 7 residential care).",
  ),
  placementShare: share(
    "MEASURES_STARTED",
    "PLACEMENT_SHARE",
    "Of those: the share placed outside the home (steps 5-7, Barnets lov § 43).",
    {
      da: "Andel anbragt uden for hjemmet",
      en: "Share placed outside the home",
    },
  ),
  openCoursesAtPeriodEnd: {
    type: "Int",
    indicator: "CASELOAD",
    measure: "computed",
    description: "Open courses with a caseworker at the end of the period (or on asOf, if earlier).",
    header: { da: "Åbne forløb ved periodens slut", en: "Open courses at period end" },
  },
  caseworkers: {
    type: "Int",
    indicator: "CASELOAD",
    measure: "computed",
    description: "Caseworkers holding those courses (the caseload is withheld where fewer than 5 caseworkers hold them).",
    header: { da: "Sagsbehandlere", en: "Caseworkers" },
  },
  meanCaseload: {
    type: "Float",
    indicator: "CASELOAD",
    measure: "computed",
    decimals: 2,
    description: "Open courses per caseworker (børnehus courses only; the guideline of 20-25 concerns all cases).",
    header: { da: "Forløb pr. sagsbehandler", en: "Courses per caseworker" },
  },
  caseworkersAboveGuidelineShare: share(
    "CASELOAD",
    "CASEWORKERS_ABOVE_GUIDELINE_SHARE",
    "The share of those caseworkers holding more than 25 open courses (the guideline's upper end).",
    { da: "Andel sagsbehandlere over 25", en: "Share of caseworkers above 25" },
    "computed",
  ),
} as const satisfies Record<string, FigureColumn>;
export type FigureName = keyof typeof FIGURE_COLUMNS;
/** The figures with a rule of their own in the table builder. */
export type ComputedFigure = { [K in FigureName]: (typeof FIGURE_COLUMNS)[K]["measure"] extends "computed" ? K : never }[FigureName];

/** What the CSV needs of a column: its decimals, what withholds it, its header in words. */
export type CsvColumn = Partial<Pick<FigureColumn, "indicator" | "share" | "decimals">> & { header: Header };

/** Every column of a row as the CSV writes it: the identity, then the figures. */
export const CSV_COLUMNS: ReadonlyArray<readonly [string, CsvColumn]> = [
  ...Object.entries(ROW_KEY_COLUMNS),
  ...Object.entries(FIGURE_COLUMNS),
];

/** A CSV column's header in words, or its name where it has none. */
export function csvHeader(name: string, language: keyof Header): string {
  return CSV_COLUMNS.find(([n]) => n === name)?.[1].header[language] ?? name;
}

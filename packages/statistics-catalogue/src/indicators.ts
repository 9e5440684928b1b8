/**
 * The statistics table's indicators and columns, each declared once (docs/indicators.md). From
 * this list follow: the statistics subgraph's StatisticsIndicator and StatisticsShare enums and its
 * StatisticsRow type (rendered at `npm run generate`, sdl.ts), and from those the generated
 * TypeScript row type; the CSV's columns, decimals and '..' marks (apps/statistics domain/csv.ts);
 * and the CSV's headers in words, Danish and English (the web's spreadsheet download).
 * How each column is computed (the families' SQL, suppression) stays in apps/statistics/src/domain.
 */

/** Each indicator counts a set of courses attributed to the period by one date (or, CASELOAD, caseworkers on a date). */
export const INDICATORS = [
  "COURSES_STARTED",
  "COURSES_CLOSED",
  "DAYS_TO_SAMRAAD",
  "DAYS_TO_VIDEO_INTERVIEW",
  "DAYS_TO_FINAL_NOTE",
  "FOLLOW_THROUGH",
  "DECLINED_SUPPORT",
  "MEASURES_STARTED",
  "CASELOAD",
] as const;
export type Indicator = (typeof INDICATORS)[number];

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

/** A figure of a row: what it counts, how the CSV writes it, what it is called. */
export interface FigureColumn {
  type: "Int" | "Float";
  /** The indicator whose suppression withholds it. */
  indicator: Indicator;
  /** A share can be withheld on its own while its base is published. */
  share?: Share;
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

const share = (indicator: Indicator, name: Share, description: string, header: Header): FigureColumn => ({
  type: "Float",
  indicator,
  share: name,
  decimals: 4,
  description,
  header,
});
const days = (indicator: Indicator, header: Header, description?: string): FigureColumn => ({
  type: "Float",
  indicator,
  decimals: 1,
  ...(description ? { description } : {}),
  header,
});

/** The figures of a row, in the order of StatisticsRow and of the CSV. */
export const FIGURE_COLUMNS = {
  coursesStarted: {
    type: "Int",
    indicator: "COURSES_STARTED",
    description: "Courses whose referral was received in the period.",
    header: { da: "Forløb startet", en: "Courses started" },
  },
  coursesPer1000Children: {
    type: "Float",
    indicator: "COURSES_STARTED",
    decimals: 3,
    description: "Courses started per 1,000 children aged 0-17 living in the unit (in the age band, for AGE_BAND).",
    header: { da: "Forløb pr. 1.000 børn", en: "Courses per 1,000 children" },
  },
  samraadShare: share("COURSES_STARTED", "SAMRAAD_SHARE", "Of the courses started: the share that has had a samråd meeting (0-1).", {
    da: "Andel med samråd",
    en: "Share with samråd",
  }),
  coursesClosed: {
    type: "Int",
    indicator: "COURSES_CLOSED",
    description: "Courses closed in the period.",
    header: { da: "Forløb afsluttet", en: "Courses closed" },
  },
  caseworkerContinuityShare: share(
    "COURSES_CLOSED",
    "CASEWORKER_CONTINUITY_SHARE",
    "Of the courses closed: the share with one caseworker throughout (0-1).",
    { da: "Andel med én sagsbehandler", en: "Share with one caseworker" },
  ),
  samraadCourses: {
    type: "Int",
    indicator: "DAYS_TO_SAMRAAD",
    description: "Courses whose first samråd was held in the period; days from referral: median and 90th percentile.",
    header: { da: "Forløb med samråd", en: "Courses with samråd" },
  },
  daysToSamraadMedian: days("DAYS_TO_SAMRAAD", { da: "Dage til samråd, median", en: "Days to samråd, median" }),
  daysToSamraadP90: days("DAYS_TO_SAMRAAD", { da: "Dage til samråd, 90. percentil", en: "Days to samråd, 90th percentile" }),
  videoInterviewCourses: {
    type: "Int",
    indicator: "DAYS_TO_VIDEO_INTERVIEW",
    description: "Courses whose first video interview was held in the period; days from referral.",
    header: { da: "Forløb med videoafhøring", en: "Courses with video interview" },
  },
  daysToVideoInterviewMedian: days("DAYS_TO_VIDEO_INTERVIEW", {
    da: "Dage til videoafhøring, median",
    en: "Days to video interview, median",
  }),
  daysToVideoInterviewP90: days("DAYS_TO_VIDEO_INTERVIEW", {
    da: "Dage til videoafhøring, 90. percentil",
    en: "Days to video interview, 90th percentile",
  }),
  finalNoteCourses: {
    type: "Int",
    indicator: "DAYS_TO_FINAL_NOTE",
    description: "Courses whose final note was sent in the period; days from referral.",
    header: { da: "Forløb med afsluttende notat", en: "Courses with final note" },
  },
  daysToFinalNoteMedian: days("DAYS_TO_FINAL_NOTE", { da: "Dage til afsluttende notat, median", en: "Days to final note, median" }),
  daysToFinalNoteP90: days("DAYS_TO_FINAL_NOTE", {
    da: "Dage til afsluttende notat, 90. percentil",
    en: "Days to final note, 90th percentile",
  }),
  followThroughCourses: {
    type: "Int",
    indicator: "FOLLOW_THROUGH",
    description: "Courses whose final note, sent in the period, recommended support, with six months passed since.",
    header: { da: "Forløb fulgt op", en: "Courses followed up" },
  },
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
  ),
  otherSupportOnlyWithin6MonthsShare: share(
    "FOLLOW_THROUGH",
    "OTHER_SUPPORT_ONLY_WITHIN_6_MONTHS_SHARE",
    "The difference between the two: other support only, no measure within six months (seed: 9 points).",
    { da: "Andel med kun anden støtte inden 6 måneder", en: "Share with other support only within 6 months" },
  ),
  otherSupportAlongsideCourseShare: share(
    "FOLLOW_THROUGH",
    "OTHER_SUPPORT_KIND_SHARES",
    "That difference by the kind of the earliest other support, as shares of the same courses\n(the three add up to it, less any answer given before the kinds existed). The national total\nrow only; null on every other row.",
    { da: "Heraf støtte sideløbende med forløbet", en: "Of which support alongside the course" },
  ),
  otherSupportEarlyPreventiveShare: {
    type: "Float",
    indicator: "FOLLOW_THROUGH",
    share: "OTHER_SUPPORT_KIND_SHARES",
    decimals: 4,
    header: { da: "Heraf tidlig forebyggende støtte", en: "Of which early preventive support" },
  },
  otherSupportPrivateTreatmentShare: {
    type: "Float",
    indicator: "FOLLOW_THROUGH",
    share: "OTHER_SUPPORT_KIND_SHARES",
    decimals: 4,
    header: { da: "Heraf privat behandling, som kommunen kender til", en: "Of which private treatment known to the municipality" },
  },
  declinedCourses: {
    type: "Int",
    indicator: "DECLINED_SUPPORT",
    description: "Courses where the municipality declined recommended support, by its first such answer in the period.",
    header: { da: "Forløb hvor støtte blev afslået", en: "Courses where support was declined" },
  },
  declinedForMotivationShare: share(
    "DECLINED_SUPPORT",
    "DECLINED_FOR_MOTIVATION_SHARE",
    "Of those: the share declined for the family's motivation (declineReason FAMILY_MOTIVATION).",
    { da: "Andel afslået på grund af familiens motivation", en: "Share declined for the family's motivation" },
  ),
  measuresStarted: {
    type: "Int",
    indicator: "MEASURES_STARTED",
    description: "Courses whose first measure given in answer to a recommendation started in the period.",
    header: { da: "Forløb med foranstaltning startet", en: "Courses with a measure started" },
  },
  measureLadderStepMedian: days(
    "MEASURES_STARTED",
    { da: "Trin på indsatstrappen, median", en: "Step on the intervention ladder, median" },
    "Of those: the median step of that measure on the intervention ladder (1 preventive … 7 residential care).",
  ),
  placementShare: share("MEASURES_STARTED", "PLACEMENT_SHARE", "Of those: the share placed outside the home (steps 5-7, Barnets lov § 43).", {
    da: "Andel anbragt uden for hjemmet",
    en: "Share placed outside the home",
  }),
  openCoursesAtPeriodEnd: {
    type: "Int",
    indicator: "CASELOAD",
    description: "Open courses with a caseworker at the end of the period (or on asOf, if earlier).",
    header: { da: "Åbne forløb ved periodens slut", en: "Open courses at period end" },
  },
  caseworkers: {
    type: "Int",
    indicator: "CASELOAD",
    description: "Caseworkers holding those courses (the caseload is withheld where fewer than 5 caseworkers hold them).",
    header: { da: "Sagsbehandlere", en: "Caseworkers" },
  },
  meanCaseload: {
    type: "Float",
    indicator: "CASELOAD",
    decimals: 2,
    description: "Open courses per caseworker (børnehus courses only; the guideline of 20-25 concerns all cases).",
    header: { da: "Forløb pr. sagsbehandler", en: "Courses per caseworker" },
  },
  caseworkersAboveGuidelineShare: share(
    "CASELOAD",
    "CASEWORKERS_ABOVE_GUIDELINE_SHARE",
    "The share of those caseworkers holding more than 25 open courses (the guideline's upper end).",
    { da: "Andel sagsbehandlere over 25", en: "Share of caseworkers above 25" },
  ),
} as const satisfies Record<string, FigureColumn>;
export type FigureName = keyof typeof FIGURE_COLUMNS;

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

/**
 * The statistics facts, each column declared once (docs/indicators.md, "Where statistics are
 * computed"). A course's facts come from three sectors, joined on the course pseudonym in the
 * statistics service. From this list follow:
 * - each sector's `<Prefix>StatisticsFact` type in its SDL (rendered at `npm run generate`, sdl.ts),
 *   and from that the sector's generated row type;
 * - the statistics service's staging tables, the pages' inserts, the join into CourseFact, the
 *   extraction's selection through the gateway, and the TypeScript shape of a course's facts.
 * The CourseFact model in apps/statistics/prisma/schema.prisma stays hand-written (it has its
 * migrations); the statistics service's typecheck holds it to the same column names.
 */

/** The sectors that hand over facts, with the alias their staged table has in the join. */
export const FACT_SECTORS = {
  boernehus: { prefix: "Boernehus", alias: "b" },
  municipality: { prefix: "Municipality", alias: "m" },
  police: { prefix: "Police", alias: "p" },
} as const;
export type FactSector = keyof typeof FACT_SECTORS;

/**
 * The enumerations a fact may hold. Each has the same name in the sector's SDL (which defines
 * its values) and in the statistics database (a PostgreSQL enum of the same values).
 */
export type FactEnum =
  | "Region"
  | "CourseType"
  | "AbuseType"
  | "BurdenLevel"
  | "AgeBand"
  | "OtherSupportKind"
  | "Gender"
  | "SuspectRelationGroup";
export type FactScalar = "Date" | "Int" | "Boolean" | "String";

export interface FactColumn {
  /** The sector that hands it over; "derived": the statistics service works it out when it joins them. */
  from: FactSector | "derived";
  type: FactScalar | FactEnum;
  list?: true;
  /** The sector may hand over null (a list is never null: empty instead). */
  nullable?: true;
  /**
   * The value (SQL) a course gets where the sector has no record of it; null when not given.
   * Only the børnehus's courses are the population, so only the other sectors' columns can miss.
   */
  whenMissing?: string;
  /** The field's description in the sector's SDL. */
  description?: string;
}

/** The pseudonym every sector computes from the case id: the join key, first in every sector's facts. */
export const COURSE_KEY = {
  name: "coursePseudonym",
  description: "Keyed HMAC of the case id: the same in every sector, irreversible without the sectors' key.",
} as const;

/** One course's facts (CourseFact), in the order of the model and of each sector's SDL. */
export const COURSE_FACT_COLUMNS = {
  region: { from: "boernehus", type: "Region" },
  municipalityCode: { from: "boernehus", type: "String" },
  courseType: { from: "boernehus", type: "CourseType" },
  abuseTypes: { from: "boernehus", type: "AbuseType", list: true },
  burdenLevel: { from: "boernehus", type: "BurdenLevel" },
  ageBand: { from: "boernehus", type: "AgeBand" },
  referralReceivedOn: { from: "boernehus", type: "Date", description: "Dates are calendar dates in Danish time." },
  firstSamraadHeldOn: {
    from: "boernehus",
    type: "Date",
    nullable: true,
    description: "The first samråd meeting held (planning or follow-up).",
  },
  firstVideoInterviewHeldOn: { from: "police", type: "Date", nullable: true, description: "The first video interview held." },
  finalNoteSentOn: { from: "boernehus", type: "Date", nullable: true },
  recommendationCount: { from: "boernehus", type: "Int", description: "Recommendations in the sent final note (0 when none is sent)." },
  responseMeasureStartedOn: {
    from: "municipality",
    type: "Date",
    nullable: true,
    description: "The earliest start of a measure given in answer to a recommendation (response MEASURE).",
  },
  otherSupportRespondedOn: {
    from: "municipality",
    type: "Date",
    nullable: true,
    description: "The earliest answer OTHER_SUPPORT to a recommendation.",
  },
  otherSupportKind: {
    from: "municipality",
    type: "OtherSupportKind",
    nullable: true,
    description: "The kind of that earliest answer (ties: the order of OtherSupportKind); null where it has none.",
  },
  firstDeclinedOn: { from: "municipality", type: "Date", nullable: true, description: "The earliest answer DECLINED to a recommendation." },
  declinedForMotivation: {
    from: "municipality",
    type: "Boolean",
    whenMissing: "false",
    description: "True when a recommendation was declined for the family's motivation (declineReason FAMILY_MOTIVATION).",
  },
  responseMeasureLadderStep: {
    from: "municipality",
    type: "Int",
    nullable: true,
    description:
      "The intervention-ladder step (1-7) of the measure given in answer that started first (ties: the higher step); null: none started.",
  },
  /** Distinct caseworkers assigned from the referral to the close (or to the extraction): from the assignments. */
  caseworkerCount: { from: "derived", type: "Int" },
  closedOn: { from: "boernehus", type: "Date", nullable: true },
  childGender: {
    from: "municipality",
    type: "Gender",
    description: "The child's gender (the national report's breakdown): a category, never the child.",
  },
  suspectRelationGroups: {
    from: "police",
    type: "SuspectRelationGroup",
    list: true,
    whenMissing: "'{}'",
    description:
      "The groups of the suspects' relations to the child, each once (empty: no suspect recorded).\nA coarser category than SuspectRelation, and never who the suspect is (docs/access.md).",
  },
} as const satisfies Record<string, FactColumn>;
export type CourseFactColumn = keyof typeof COURSE_FACT_COLUMNS;

/** A caseworker assignment of a course (AssignmentFact), handed over by the municipality inside its facts. */
export const ASSIGNMENT_FACT_COLUMNS = {
  caseworkerPseudonym: {
    from: "municipality",
    type: "String",
    description: "Keyed HMAC of the caseworker's subject: counts caseworkers without naming them.",
  },
  fromOn: { from: "municipality", type: "Date" },
  toOn: { from: "municipality", type: "Date", nullable: true, description: "Null while current." },
} as const satisfies Record<string, FactColumn>;

/** Where a sector's facts carry a list of further facts: the municipality's assignments. */
export const NESTED_FACTS = {
  municipality: {
    field: "assignments",
    typeSuffix: "StatisticsAssignment",
    description: "A caseworker assignment of one course, pseudonymised (for continuity and caseload).",
    columns: ASSIGNMENT_FACT_COLUMNS,
  },
} as const;

/** The query field of a sector's facts: boernehusStatisticsFacts, municipalityStatisticsFacts, policeStatisticsFacts. */
export const factQueryField = (sector: FactSector) => `${sector}StatisticsFacts` as const;

/** The columns one sector hands over, in declaration order. */
export function sectorColumns(sector: FactSector): Array<[CourseFactColumn, FactColumn]> {
  return (Object.entries(COURSE_FACT_COLUMNS) as Array<[CourseFactColumn, FactColumn]>).filter(([, c]) => c.from === sector);
}

/** The columns of a table of facts: which value types they hold, given the enumerations' TypeScript types. */
type ValueOf<C extends FactColumn, Enums extends Record<FactEnum, string>> = C["type"] extends FactEnum
  ? Enums[C["type"]]
  : C["type"] extends "Int"
    ? number
    : C["type"] extends "Boolean"
      ? boolean
      : string;
type ColumnValue<C extends FactColumn, Enums extends Record<FactEnum, string>> = C extends { list: true }
  ? Array<ValueOf<C, Enums>>
  : C extends { nullable: true }
    ? ValueOf<C, Enums> | null
    : ValueOf<C, Enums>;

/** A record of the given columns, as JSON carries it (dates YYYY-MM-DD). */
export type FactRecord<Columns extends Record<string, FactColumn>, Enums extends Record<FactEnum, string>> = {
  -readonly [K in keyof Columns]: ColumnValue<Columns[K], Enums>;
};

/** One sector's columns of the course facts, with the course pseudonym. */
export type SectorFactRecord<S extends FactSector, Enums extends Record<FactEnum, string>> = { coursePseudonym: string } & FactRecord<
  { [K in CourseFactColumn as (typeof COURSE_FACT_COLUMNS)[K]["from"] extends S ? K : never]: (typeof COURSE_FACT_COLUMNS)[K] },
  Enums
>;

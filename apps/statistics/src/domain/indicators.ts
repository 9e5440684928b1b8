import { OTHER_SUPPORT_KINDS } from "@samraad/access/vocabulary";
import type { StatisticsBreakdown, StatisticsIndicator } from "../generated/graphql.ts";

/**
 * The indicator families (docs/indicators.md). Each family counts a set of courses attributed
 * to the period by one date, and publishes, per cell, that count plus what derives from it
 * (a share, a median, a rate). Suppression works on the family's count: when it is
 * suppressed, everything derived from it is too.
 *
 * SQL here is fixed text over the CourseFact columns (`f.`) and the parameters $1 (period
 * start), $2 (period end, exclusive) and $3 (asOf); no caller input is ever spliced in.
 */
export interface Family {
  indicator: StatisticsIndicator;
  /** The date that attributes a course to the period. */
  date: string;
  /** Further conditions for a course to count. */
  where?: string;
  /** Numerators (counts of a sub-set), if any. */
  a?: string;
  b?: string;
  /** Further numerators that split b − a (follow-through: other support only, by kind). */
  parts?: readonly string[];
  /** Days from referral, for median and P90. */
  days?: string;
}

/** Six months, as the seed's analysis counts them (000_*.txt): 183 days. */
export const SIX_MONTHS_DAYS = 183;
const timelyMeasure = `f."responseMeasureStartedOn" <= f."finalNoteSentOn" + ${SIX_MONTHS_DAYS}`;
const timelyOtherSupport = `f."otherSupportRespondedOn" <= f."finalNoteSentOn" + ${SIX_MONTHS_DAYS}`;
/**
 * Other support only (no timely measure, IS NOT TRUE: a course without one has NULL there), by the
 * kind of the earliest other support: the difference between the 67% and the 76%, split as seed
 * 000 names it. The values are the vocabulary's own constants, never input.
 */
const otherSupportOnly = (kind: string) =>
  `(${timelyMeasure}) IS NOT TRUE AND (${timelyOtherSupport}) AND f."otherSupportKind"::text = '${kind}'`;

/** The intervention ladder's placements begin at step 5 (kinship care; packages/access vocabulary). */
export const PLACEMENT_FROM_STEP = 5;

export const FAMILIES = {
  started: { indicator: "COURSES_STARTED", date: `f."referralReceivedOn"`, a: `f."firstSamraadHeldOn" IS NOT NULL` },
  closed: { indicator: "COURSES_CLOSED", date: `f."closedOn"`, a: `f."caseworkerCount" = 1` },
  samraad: {
    indicator: "DAYS_TO_SAMRAAD",
    date: `f."firstSamraadHeldOn"`,
    days: `f."firstSamraadHeldOn" - f."referralReceivedOn"`,
  },
  videoInterview: {
    indicator: "DAYS_TO_VIDEO_INTERVIEW",
    date: `f."firstVideoInterviewHeldOn"`,
    days: `f."firstVideoInterviewHeldOn" - f."referralReceivedOn"`,
  },
  finalNote: { indicator: "DAYS_TO_FINAL_NOTE", date: `f."finalNoteSentOn"`, days: `f."finalNoteSentOn" - f."referralReceivedOn"` },
  followThrough: {
    indicator: "FOLLOW_THROUGH",
    date: `f."finalNoteSentOn"`,
    where: `f."recommendationCount" > 0 AND f."finalNoteSentOn" + ${SIX_MONTHS_DAYS} <= $3::date`,
    a: timelyMeasure,
    b: `(${timelyMeasure}) OR (${timelyOtherSupport})`,
    parts: OTHER_SUPPORT_KINDS.map(otherSupportOnly),
  },
  // Issue 23: of the courses where the municipality declined recommended support, those where
  // it was declined for the family's motivation (declineReason FAMILY_MOTIVATION).
  declined: { indicator: "DECLINED_SUPPORT", date: `f."firstDeclinedOn"`, a: `f."declinedForMotivation"` },
  // Issue 23: the courses whose first measure given in answer started in the period, with the
  // measure's step on the intervention ladder: the median step, and the share placed (steps 5-7,
  // Barnets lov § 43; docs/measures.md). The median rides on the families' `days` slot.
  measures: {
    indicator: "MEASURES_STARTED",
    date: `f."responseMeasureStartedOn"`,
    where: `f."responseMeasureLadderStep" IS NOT NULL`,
    a: `f."responseMeasureLadderStep" >= ${PLACEMENT_FROM_STEP}`,
    days: `f."responseMeasureLadderStep"`,
  },
} as const satisfies Record<string, Family>;
export type FamilyName = keyof typeof FAMILIES;
export const FAMILY_NAMES = Object.keys(FAMILIES) as FamilyName[];

/**
 * The breakdowns: the statistics table's (GraphQL StatisticsBreakdown) and those only the
 * national report publishes (docs/indicators.md, "National report"): course type, the child's
 * gender and the suspect's relation to the child.
 */
export type Breakdown = StatisticsBreakdown | "COURSE_TYPE" | "GENDER" | "SUSPECT_RELATION";

/** The categories of each breakdown, in display order. */
export const CATEGORIES: Record<Breakdown, readonly string[]> = {
  NONE: [],
  ABUSE_TYPE: ["PHYSICAL", "SEXUAL", "PSYCHOLOGICAL"],
  BURDEN_LEVEL: ["LOW", "MODERATE", "HIGH"],
  AGE_BAND: ["AGE_0_5", "AGE_6_11", "AGE_12_17"],
  QUARTER: ["Q1", "Q2", "Q3", "Q4"],
  COURSE_TYPE: ["FULL_COURSE", "SAMRAAD_ONLY"],
  // No UNKNOWN: it is 0 wherever the municipality hands over every course, and a withheld 0
  // would take a sibling with it by secondary suppression. A course without the municipality's
  // facts counts in the total only; treating GIRL + BOY = total as exact then protects against
  // more than an analyst can know (total >= GIRL + BOY), never less.
  GENDER: ["GIRL", "BOY"],
  // NONE_RECORDED: no suspect recorded (or no police report), so that every course counts somewhere.
  SUSPECT_RELATION: ["FAMILY", "KNOWN_OUTSIDE_FAMILY", "STRANGER", "UNKNOWN", "NONE_RECORDED"],
};

/**
 * Whether a unit's categories add up to its total: a course has several abuse types, and
 * several suspects whose relations may fall in different groups.
 */
export const ADDITIVE: Record<Breakdown, boolean> = {
  NONE: true,
  ABUSE_TYPE: false,
  BURDEN_LEVEL: true,
  AGE_BAND: true,
  QUARTER: true,
  COURSE_TYPE: true,
  GENDER: true,
  SUSPECT_RELATION: false,
};

/** The guideline's upper end: caseworkers should hold at most 20-25 cases (004_*.txt). */
export const CASELOAD_GUIDELINE_MAX = 25;

/** The calendar year as [start, end) dates. */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** The caseload date of a year's table: 31 December, or asOf when earlier. */
export function periodEnd(year: number, asOf: string | null): string {
  const end = `${year}-12-31`;
  return asOf && asOf < end ? asOf : end;
}

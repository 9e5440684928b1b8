/**
 * Every number that shapes the synthetic courses, in one place, with where it comes from.
 * "Seed 000" is the national authority's analysis of follow-through after børnehus courses
 * (register data 2020-2022); the rest are plausible assumptions, marked as such.
 *
 * Volume and spread
 * - About 2,000 new courses a year nationally (DESIGN.md section 6).
 * - Municipalities get courses in proportion to their children, times a fixed per-municipality
 *   case-rate factor (0.75-1.25) so rates per 1,000 children vary. København (0101) is
 *   oversampled 1.6x so the demo personas, who work there, always have cases: with 300
 *   courses about 40 are in 0101.
 *
 * The child
 * - Abuse types per course, several allowed, at least one: 74% PHYSICAL, 28% SEXUAL,
 *   24% PSYCHOLOGICAL (2022 national figures), drawn from the joint table ABUSE_COMBINATIONS
 *   whose margins are exactly those shares (1.26 types per course on average).
 * - Age 0-17 at referral, weighted towards 6-14 (school age: where most notifications come from).
 * - Gender: 48% girls, 75% girls when the course concerns sexual abuse (assumption).
 * - Burden level LOW/MODERATE/HIGH: about 31/45/24 overall, higher with sexual abuse and
 *   with several abuse types (assumption).
 *
 * Police, health, børnehus
 * - About 70% of courses are police-reported (85% when sexual abuse is involved, 64% otherwise).
 *   Three in four reports are filed before the referral; the rest after the samråd decides to.
 * - Video interview only for children under 15 and only when the police are involved; 90% of
 *   those get one. About 5% of them meet a custody holder's objection (about 3% of all
 *   courses), and the interview then shows as CANCELLED.
 * - Interview scheduled about a week after the report (7 +- 2 days), 15% later (2-5 weeks),
 *   never before the planning samråd.
 * - Medical examination in about half of physical/sexual courses; forensic for sexual abuse.
 *   Courses without the police always involve health (an initial assessment), since the
 *   referral criteria require another sector.
 * - 25% of courses are samråd-only (no assessment, no final note).
 *
 * Final note and follow-through (seed 000)
 * - The final note arrives 4-6 months after the referral: drafted 150 +- 30 days after the
 *   referral was received (90-270), signed 2-14 days later, sent 0-2 days after that.
 * - The note recommends support in 75% (LOW), 88% (MODERATE), 95% (HIGH burden) of courses.
 * - Of courses whose note recommends support, 67% have a recommendation answered with a
 *   MEASURE that starts within six months of the note being sent, and another 9% are
 *   answered only with OTHER_SUPPORT (76% in total). The rest are DECLINED (mostly for the
 *   family's lack of motivation), left unanswered, or get a measure only after six months.
 * - The 67% varies with case characteristics (seed 000: abuse type and burden matter):
 *   HIGH burden +8 points, LOW -6; psychological violence +5 (ongoing family problems),
 *   sexual abuse -3 (often a perpetrator outside the home, support found elsewhere); and by
 *   municipality, -13 to +13 points, fixed per municipality and correlated with caseworker
 *   continuity. All offsets are centred so the national average stays at 67%.
 * - Measures: the intervention ladder (indsatstrappe) steps 1-7 are the order of MeasureKind;
 *   recommendations map mostly to the low steps (preventive measures, family treatment).
 *
 * Caseworkers
 * - Continuity: about 60% of courses keep one caseworker throughout, 28% have two and 12%
 *   three (seed 000 names caseworker changes as a barrier); +-10 points by municipality.
 *   Changes that would fall after `until` have not happened yet, so open courses show more
 *   continuity than closed ones; measure continuity on closed courses.
 */

import { type DeclineReason, INTERVENTION_LADDER, ladderStep, type MeasureKind, type RecommendationKind } from "@samraad/access/vocabulary";
import type {
  AbuseType,
  BurdenLevel,
  ExaminationKind,
  InvestigationStatus,
  MunicipalityInfo,
  NotificationSource,
  OnwardReferralTarget,
  SuspectRelation,
} from "./model.ts";
import { MUNICIPALITIES } from "./municipalities.ts";
import { hashString, Random, type Weighted, WeightedTable } from "./random.ts";

export const COURSES_PER_YEAR = 2000;
/** The børnehuse opened on 1 October 2013; no course starts before that (see world.ts). */
export const FIRST_COURSE_DATE = "2013-10-01";

// ---------------------------------------------------------------------------------- municipalities

/** Municipalities oversampled so the demo personas have cases (factor on the course weight). */
export const DEMO_MUNICIPALITY_BOOST: Readonly<Record<string, number>> = { "0101": 1.6 };

export interface MunicipalityTraits {
  /** Relative rate of børnehus courses per child (0.75-1.25; 1 for 0101). */
  caseRate: number;
  /** Added to the probability that a measure follows within six months. */
  followThroughOffset: number;
  /** Added to the probability that the course keeps one caseworker throughout. */
  continuityOffset: number;
}

/** Raw traits from a hash of the code: the same in every world, whatever the seed. */
function rawTraits(code: string): MunicipalityTraits {
  const rng = new Random(hashString(`municipality:${code}`));
  const u1 = rng.float(-1, 1);
  const u2 = rng.float(-1, 1);
  const u3 = rng.float(-1, 1);
  return {
    caseRate: code === "0101" ? 1 : 1 + 0.25 * u3,
    followThroughOffset: 0.07 * u1 + 0.06 * u2,
    continuityOffset: 0.1 * u1,
  };
}

const RAW_TRAITS = new Map(MUNICIPALITIES.map((m) => [m.code, rawTraits(m.code)]));

function courseWeight(m: MunicipalityInfo): number {
  const traits = RAW_TRAITS.get(m.code) as MunicipalityTraits;
  return m.children * traits.caseRate * (DEMO_MUNICIPALITY_BOOST[m.code] ?? 1);
}

/** Which municipality a course belongs to: children x case rate (x demo boost). */
export const MUNICIPALITY_WEIGHTS: Weighted<MunicipalityInfo> = MUNICIPALITIES.map((m) => [m, courseWeight(m)] as const);

export const MUNICIPALITY_TABLE = new WeightedTable(MUNICIPALITY_WEIGHTS);

const TOTAL_WEIGHT = MUNICIPALITY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
const MEAN_FOLLOW =
  MUNICIPALITY_WEIGHTS.reduce((s, [m, w]) => s + w * (RAW_TRAITS.get(m.code)?.followThroughOffset ?? 0), 0) / TOTAL_WEIGHT;
const MEAN_CONTINUITY =
  MUNICIPALITY_WEIGHTS.reduce((s, [m, w]) => s + w * (RAW_TRAITS.get(m.code)?.continuityOffset ?? 0), 0) / TOTAL_WEIGHT;

/** A municipality's fixed traits, with offsets centred on the national course mix. */
export function municipalityTraits(code: string): MunicipalityTraits {
  const raw = RAW_TRAITS.get(code);
  if (!raw) throw new Error(`unknown municipality ${code}`);
  return {
    caseRate: raw.caseRate,
    followThroughOffset: raw.followThroughOffset - MEAN_FOLLOW,
    continuityOffset: raw.continuityOffset - MEAN_CONTINUITY,
  };
}

// ---------------------------------------------------------------------------------- the child

/** Joint table of abuse types; margins: PHYSICAL 0.74, SEXUAL 0.28, PSYCHOLOGICAL 0.24. */
export const ABUSE_COMBINATIONS: Weighted<readonly AbuseType[]> = [
  [["PHYSICAL"], 0.52],
  [["SEXUAL"], 0.2],
  [["PSYCHOLOGICAL"], 0.04],
  [["PHYSICAL", "SEXUAL"], 0.04],
  [["PHYSICAL", "PSYCHOLOGICAL"], 0.16],
  [["SEXUAL", "PSYCHOLOGICAL"], 0.02],
  [["PHYSICAL", "SEXUAL", "PSYCHOLOGICAL"], 0.02],
];

export const AGE_WEIGHTS: Weighted<number> = Array.from({ length: 18 }, (_, age) => {
  const w = age <= 2 ? 2 : age <= 5 ? 4 : age <= 14 ? 7 : 5;
  return [age, w] as const;
});

export function girlShare(types: readonly AbuseType[]): number {
  return types.includes("SEXUAL") ? 0.75 : 0.48;
}

export function burdenWeights(types: readonly AbuseType[]): Weighted<BurdenLevel> {
  if (types.length >= 2)
    return [
      ["LOW", 0.15],
      ["MODERATE", 0.45],
      ["HIGH", 0.4],
    ];
  if (types.includes("SEXUAL"))
    return [
      ["LOW", 0.22],
      ["MODERATE", 0.45],
      ["HIGH", 0.33],
    ];
  if (types.includes("PSYCHOLOGICAL"))
    return [
      ["LOW", 0.25],
      ["MODERATE", 0.45],
      ["HIGH", 0.3],
    ];
  return [
    ["LOW", 0.38],
    ["MODERATE", 0.45],
    ["HIGH", 0.17],
  ];
}

/** One or two custody holders (forældremyndighedsindehavere). */
export const CUSTODY_HOLDER_COUNTS: Weighted<number> = [
  [1, 0.25],
  [2, 0.75],
];

export const NOTIFICATION_SOURCES: Weighted<NotificationSource> = [
  ["SCHOOL", 30],
  ["DAYCARE", 12],
  ["HEALTH_CARE", 10],
  ["POLICE", 15],
  ["FAMILY", 18],
  ["ANONYMOUS", 5],
  ["OTHER", 10],
];

// ---------------------------------------------------------------------------------- sectors

export function policeReportShare(types: readonly AbuseType[]): number {
  // 0.28 x 0.85 + 0.72 x 0.6417 = 0.70
  return types.includes("SEXUAL") ? 0.85 : 0.6417;
}
export const EARLY_POLICE_REPORT_SHARE = 0.75;
export const VIDEO_INTERVIEW_MAX_AGE = 14;
export const VIDEO_INTERVIEW_SHARE = 0.9;
export const CUSTODY_OBJECTION_SHARE = 0.05;
export const LATE_INTERVIEW_SHARE = 0.15;

export function suspectRelations(types: readonly AbuseType[]): Weighted<SuspectRelation> {
  if (types.includes("SEXUAL"))
    return [
      ["PARENT", 12],
      ["STEP_PARENT", 10],
      ["SIBLING", 5],
      ["OTHER_FAMILY", 15],
      ["KNOWN_ADULT", 25],
      ["PEER", 20],
      ["STRANGER", 8],
      ["UNKNOWN", 5],
    ];
  return [
    ["PARENT", 60],
    ["STEP_PARENT", 15],
    ["SIBLING", 4],
    ["OTHER_FAMILY", 8],
    ["KNOWN_ADULT", 5],
    ["PEER", 4],
    ["STRANGER", 1],
    ["UNKNOWN", 3],
  ];
}

export const INVESTIGATION_OUTCOMES: Weighted<InvestigationStatus> = [
  ["CHARGED", 0.28],
  ["DROPPED", 0.57],
  ["CLOSED", 0.15],
];

export function examinationShare(types: readonly AbuseType[]): number {
  if (types.includes("SEXUAL")) return 0.6;
  if (types.includes("PHYSICAL")) return 0.5;
  return 0.15;
}

export function examinationKinds(types: readonly AbuseType[]): Weighted<ExaminationKind> {
  if (types.includes("SEXUAL"))
    return [
      ["FORENSIC", 0.7],
      ["PEDIATRIC", 0.2],
      ["SOMATIC", 0.1],
    ];
  return [
    ["FORENSIC", 0.4],
    ["PEDIATRIC", 0.35],
    ["SOMATIC", 0.25],
  ];
}

export const ONWARD_REFERRAL_SHARE = 0.2;
export const ONWARD_REFERRAL_TARGETS: Weighted<OnwardReferralTarget> = [
  ["CHILD_PSYCHIATRY", 0.5],
  ["PEDIATRICS", 0.2],
  ["GENERAL_PRACTITIONER", 0.2],
  ["OTHER", 0.1],
];

export const SAMRAAD_ONLY_SHARE = 0.25;
export const CRISIS_SUPPORT_SHARE = { FULL_COURSE: 0.85, SAMRAAD_ONLY: 0.5 } as const;
export const FOLLOW_UP_MEETING_SHARE = 0.7;
export const CONSULTATION_COUNTS: Weighted<number> = [
  [0, 0.45],
  [1, 0.3],
  [2, 0.15],
  [3, 0.1],
];

// ---------------------------------------------------------------------------------- final note

export const FINAL_NOTE_DAYS = { mean: 150, sd: 30, min: 90, max: 270 } as const;

export const RECOMMENDS_SUPPORT: Readonly<Record<BurdenLevel, number>> = { LOW: 0.75, MODERATE: 0.88, HIGH: 0.95 };

export const RECOMMENDATION_COUNTS: Weighted<number> = [
  [1, 0.5],
  [2, 0.35],
  [3, 0.15],
];

export const RECOMMENDATION_KINDS: Readonly<Record<BurdenLevel, Weighted<RecommendationKind>>> = {
  LOW: [
    ["THERAPY", 30],
    ["FAMILY_TREATMENT", 18],
    ["PREVENTIVE_MEASURE", 30],
    ["SAFETY_PLAN", 3],
    ["PLACEMENT", 1],
    ["CHILD_PSYCHIATRY", 6],
    ["OTHER", 12],
  ],
  MODERATE: [
    ["THERAPY", 32],
    ["FAMILY_TREATMENT", 25],
    ["PREVENTIVE_MEASURE", 18],
    ["SAFETY_PLAN", 8],
    ["PLACEMENT", 3],
    ["CHILD_PSYCHIATRY", 8],
    ["OTHER", 6],
  ],
  HIGH: [
    ["THERAPY", 28],
    ["FAMILY_TREATMENT", 22],
    ["PREVENTIVE_MEASURE", 8],
    ["SAFETY_PLAN", 14],
    ["PLACEMENT", 10],
    ["CHILD_PSYCHIATRY", 13],
    ["OTHER", 5],
  ],
};

/** The national follow-through (seed 000). */
export const FOLLOW_THROUGH = { measureWithinSixMonths: 0.67, otherSupportOnly: 0.09 } as const;

const BURDEN_OFFSET: Readonly<Record<BurdenLevel, number>> = { LOW: -0.06, MODERATE: 0, HIGH: 0.08 };

function abuseOffset(types: readonly AbuseType[]): number {
  return (types.includes("PSYCHOLOGICAL") ? 0.05 : 0) + (types.includes("SEXUAL") ? -0.03 : 0);
}

/**
 * The mean of abuse and burden offsets over the courses that count (those whose note
 * recommends support), subtracted so the offsets move cases around the 67% and not the 67%.
 */
const CASE_OFFSET_CENTRE = (() => {
  let sum = 0;
  let weight = 0;
  for (const [types, pTypes] of ABUSE_COMBINATIONS) {
    for (const [burden, pBurden] of burdenWeights(types)) {
      const w = pTypes * pBurden * RECOMMENDS_SUPPORT[burden];
      sum += w * (abuseOffset(types) + BURDEN_OFFSET[burden]);
      weight += w;
    }
  }
  return sum / weight;
})();

/** Probability that a course with recommended support gets a measure within six months. */
export function measureWithinSixMonthsProbability(municipalityCode: string, types: readonly AbuseType[], burden: BurdenLevel): number {
  const p =
    FOLLOW_THROUGH.measureWithinSixMonths +
    municipalityTraits(municipalityCode).followThroughOffset +
    abuseOffset(types) +
    BURDEN_OFFSET[burden] -
    CASE_OFFSET_CENTRE;
  return Math.min(0.97, Math.max(0.05, p));
}

/** What happens to a course whose recommendations are not followed by a timely measure. */
export type NegativeOutcome = "DECLINED" | "UNANSWERED" | "LATE_MEASURE";
export const NEGATIVE_OUTCOMES: Weighted<NegativeOutcome> = [
  ["DECLINED", 0.6],
  ["UNANSWERED", 0.28],
  ["LATE_MEASURE", 0.12],
];

export const DECLINE_REASONS: Weighted<DeclineReason> = [
  ["FAMILY_MOTIVATION", 0.55],
  ["NOT_NEEDED", 0.18],
  ["SUPPORT_ELSEWHERE", 0.14],
  ["OTHER", 0.13],
];

// ---------------------------------------------------------------------------------- measures

/** The intervention ladder, lowest step first (one definition: @samraad/access's vocabulary). */
export const LADDER: readonly MeasureKind[] = INTERVENTION_LADDER;
export { ladderStep };

/** The measure a municipality chooses when it follows a recommendation of this kind. */
export const MEASURE_FOR_RECOMMENDATION: Readonly<Record<RecommendationKind, Weighted<MeasureKind>>> = {
  THERAPY: [
    ["PREVENTIVE_MEASURE", 0.55],
    ["FAMILY_TREATMENT", 0.2],
    ["CONTACT_PERSON", 0.25],
  ],
  FAMILY_TREATMENT: [
    ["FAMILY_TREATMENT", 0.85],
    ["PREVENTIVE_MEASURE", 0.1],
    ["SAFETY_PLAN", 0.05],
  ],
  PREVENTIVE_MEASURE: [
    ["PREVENTIVE_MEASURE", 0.8],
    ["CONTACT_PERSON", 0.2],
  ],
  SAFETY_PLAN: [
    ["SAFETY_PLAN", 0.85],
    ["FAMILY_TREATMENT", 0.15],
  ],
  PLACEMENT: [
    ["KINSHIP_CARE", 0.35],
    ["FOSTER_CARE", 0.45],
    ["RESIDENTIAL_CARE", 0.2],
  ],
  CHILD_PSYCHIATRY: [
    ["PREVENTIVE_MEASURE", 0.6],
    ["CONTACT_PERSON", 0.4],
  ],
  OTHER: [
    ["PREVENTIVE_MEASURE", 0.5],
    ["CONTACT_PERSON", 0.3],
    ["FAMILY_TREATMENT", 0.2],
  ],
};

/** Support started while the course runs (seed 000: "støtte sideløbende med forløbet"). */
export const PARALLEL_MEASURE_SHARE: Readonly<Record<BurdenLevel, number>> = { LOW: 0.1, MODERATE: 0.18, HIGH: 0.3 };
export const PARALLEL_MEASURE_KINDS: Weighted<MeasureKind> = [
  ["PREVENTIVE_MEASURE", 35],
  ["FAMILY_TREATMENT", 30],
  ["CONTACT_PERSON", 15],
  ["SAFETY_PLAN", 12],
  ["KINSHIP_CARE", 4],
  ["FOSTER_CARE", 3],
  ["RESIDENTIAL_CARE", 1],
];

// ---------------------------------------------------------------------------------- caseworkers

export function caseworkerCountWeights(municipalityCode: string): Weighted<number> {
  const single = Math.min(0.9, Math.max(0.3, 0.6 + municipalityTraits(municipalityCode).continuityOffset));
  const rest = 1 - single;
  return [
    [1, single],
    [2, rest * 0.7],
    [3, rest * 0.3],
  ];
}

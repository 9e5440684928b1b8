/**
 * Enumerations several parts of the product list in an order that means something: one
 * definition each, here. The owning subgraph's GraphQL enum and Prisma enum follow them
 * (apps/<owner>/test/vocabulary.test.ts holds the SDL's order and the Prisma values to these),
 * and the web app's forms and the synthetic generator import them.
 *
 * Why a TypeScript const and not types generated from the GraphQL enum: GraphQL Codegen and
 * the composed supergraph sort enum values alphabetically, and the order is the meaning here
 * (the intervention ladder's step is the position). Only a const keeps it.
 *
 * No imports but types: the web app bundles this file (`@samraad/access/vocabulary`).
 */
import type { CaseSector } from "./principal.ts";

/** The intervention ladder (indsatstrappe), lowest step first: ladderStep = position + 1 (004_*.txt). Owner: municipality. */
export const INTERVENTION_LADDER = [
  "PREVENTIVE_MEASURE", // 1 forebyggende indsats
  "FAMILY_TREATMENT", // 2 familiebehandling i hjemmet
  "CONTACT_PERSON", // 3 kontaktperson
  "SAFETY_PLAN", // 4 sikkerhedsplan
  "KINSHIP_CARE", // 5 netværkspleje
  "FOSTER_CARE", // 6 plejefamilie
  "RESIDENTIAL_CARE", // 7 anbringelse på institution
] as const;
export type MeasureKind = (typeof INTERVENTION_LADDER)[number];

export const ladderStep = (kind: MeasureKind): number => INTERVENTION_LADDER.indexOf(kind) + 1;

/** What the børnehus's final note may recommend, in the order the final note form offers them. Owner: børnehus. */
export const RECOMMENDATION_KINDS = [
  "THERAPY",
  "FAMILY_TREATMENT",
  "PREVENTIVE_MEASURE",
  "SAFETY_PLAN",
  "PLACEMENT",
  "CHILD_PSYCHIATRY",
  "OTHER",
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** How the municipality answers a recommendation. Owner: municipality. */
export const RESPONSE_KINDS = ["MEASURE", "OTHER_SUPPORT", "DECLINED"] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/**
 * The kinds of other support than a measure (seed 000: "støtte sideløbende med forløbet i
 * børnehuset, tidligt forebyggende indsatser eller støtte i privat regi"), in the order the
 * answer form offers them. They make up the difference between the 67% and the 76%. Owner: municipality.
 */
export const OTHER_SUPPORT_KINDS = ["ALONGSIDE_COURSE", "EARLY_PREVENTIVE", "PRIVATE_TREATMENT"] as const;
export type OtherSupportKind = (typeof OTHER_SUPPORT_KINDS)[number];

/**
 * What happened in the municipality's part of a case while the børnehus assessed the child, as
 * the final note's editor lists it (seed 000: the note should account for "mellemliggende tiltag
 * og ændringer i barnets situation"). Owner: municipality (it states them); the børnehus stores
 * which of them the note took into account.
 */
export const CASE_DEVELOPMENT_KINDS = ["MEASURE_DECIDED", "MEASURE_STARTED", "NOTIFICATION", "CASEWORKER_CHANGE"] as const;
export type CaseDevelopmentKind = (typeof CASE_DEVELOPMENT_KINDS)[number];

/** Why a recommendation was declined. Owner: municipality. */
export const DECLINE_REASONS = ["FAMILY_MOTIVATION", "NOT_NEEDED", "SUPPORT_ELSEWHERE", "OTHER"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/**
 * Each measure's legal basis in Barnets lov (in force 1 January 2024), by kind. One definition:
 * the municipality's Measure.legalBasis, the web app and the statistics read it here. The
 * paragraphs are our reading of the law, written down with their assumptions in
 * docs/measures.md; a lawyer should confirm them before production.
 */
export const MEASURE_LEGAL_BASIS: Record<MeasureKind, { paragraph: string; da: string; en: string }> = {
  PREVENTIVE_MEASURE: { paragraph: "§ 30", da: "Forebyggende indsats", en: "Preventive measure" },
  FAMILY_TREATMENT: { paragraph: "§ 32, stk. 1", da: "Støttende indsats: familiebehandling", en: "Supportive measure: family treatment" },
  CONTACT_PERSON: { paragraph: "§ 32, stk. 1", da: "Støttende indsats: fast kontaktperson", en: "Supportive measure: contact person" },
  SAFETY_PLAN: {
    paragraph: "§ 32, stk. 1",
    da: "Støttende indsats: sikkerhedsplan med familiebehandling og netværk",
    en: "Supportive measure: safety plan with family treatment and the network",
  },
  KINSHIP_CARE: { paragraph: "§ 43", da: "Anbringelse i netværkspleje", en: "Placement in kinship care" },
  FOSTER_CARE: { paragraph: "§ 43", da: "Anbringelse i plejefamilie", en: "Placement in a foster family" },
  RESIDENTIAL_CARE: { paragraph: "§ 43", da: "Anbringelse på døgninstitution", en: "Placement in residential care" },
};

/** "Barnets lov § 32, stk. 1": the law and paragraph a measure of this kind is decided under. */
export const legalBasis = (kind: MeasureKind): string => `Barnets lov ${MEASURE_LEGAL_BASIS[kind].paragraph}`;

/** The activities a samråd decides on, in the order the meeting form offers them. Owner: børnehus (Activity). */
export const SAMRAAD_ACTIVITIES = [
  "VIDEO_INTERVIEW",
  "MEDICAL_EXAMINATION",
  "CRISIS_SUPPORT",
  "ASSESSMENT",
  "SAFETY_PLAN",
  "POLICE_REPORT",
  "OTHER",
] as const;
export type SamraadActivity = (typeof SAMRAAD_ACTIVITIES)[number];

/**
 * The sector that carries out each activity a samråd decides on: what the web app's form
 * proposes as a decision's responsible sector (the børnehus may choose another), and what the
 * synthetic courses record. POLICE_REPORT and OTHER fall to the municipality: it keeps the
 * authority in the case (myndighedsansvar, GLOSSARY) and decides its course ("det er
 * myndighedsafdelingen, der træffer beslutninger om f.eks. politianmeldelse", seed 002_*); the
 * børnehus's own activities are the assessment and crisis support.
 */
export const ACTIVITY_SECTOR: Record<SamraadActivity, CaseSector> = {
  VIDEO_INTERVIEW: "POLICE",
  MEDICAL_EXAMINATION: "HEALTH",
  CRISIS_SUPPORT: "BOERNEHUS",
  ASSESSMENT: "BOERNEHUS",
  SAFETY_PLAN: "MUNICIPALITY",
  POLICE_REPORT: "MUNICIPALITY",
  OTHER: "MUNICIPALITY",
};

/**
 * The child's or the family's motivation to accept support, at a set point of the course
 * (issue 23, the national analysis 000_*.txt): HIGH (wants the support), MIXED (ambivalent,
 * or one parent for and one against), LOW (does not want it), UNKNOWN (not assessed: e.g. the
 * child was not seen). Highest first, the order the forms offer them.
 */
export const MOTIVATION_LEVELS = ["HIGH", "MIXED", "LOW", "UNKNOWN"] as const;
export type MotivationLevel = (typeof MOTIVATION_LEVELS)[number];

/** The barriers the national analysis names (000_*.txt), plus OTHER with a short text. */
export const MOTIVATION_BARRIERS = ["LONG_COURSE", "TOO_MANY_PROFESSIONALS", "PARENTAL_RESISTANCE", "OTHER"] as const;
export type MotivationBarrier = (typeof MOTIVATION_BARRIERS)[number];

/** The set points, in the course's order, each with the sector that records it. */
export const MOTIVATION_SET_POINTS = ["PLANNING_SAMRAAD", "FINAL_NOTE", "RECOMMENDATION_RESPONSE", "FOLLOW_UP"] as const;
export type MotivationSetPoint = (typeof MOTIVATION_SET_POINTS)[number];
export const MOTIVATION_SET_POINT_OWNER: Record<MotivationSetPoint, "BOERNEHUS" | "MUNICIPALITY"> = {
  PLANNING_SAMRAAD: "BOERNEHUS",
  FINAL_NOTE: "BOERNEHUS",
  RECOMMENDATION_RESPONSE: "MUNICIPALITY",
  FOLLOW_UP: "MUNICIPALITY",
};

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
 * No imports: the web app bundles this file (`@samraad/access/vocabulary`).
 */

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

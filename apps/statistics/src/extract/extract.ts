import { danishDate } from "@samraad/subgraph-kit";
import { type AssignmentFactInput, type CourseFactInput, replaceFacts } from "../data/facts.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { allFacts, type TokenSource } from "./gatewayClient.ts";

/** What each sector hands over (GraphQL field names of the *StatisticsFact types). */
type BoernehusFact = Omit<
  CourseFactInput,
  "firstVideoInterviewHeldOn" | "responseMeasureStartedOn" | "otherSupportRespondedOn" | "caseworkerCount"
>;
interface MunicipalityFact {
  coursePseudonym: string;
  responseMeasureStartedOn: string | null;
  otherSupportRespondedOn: string | null;
  assignments: Array<{ caseworkerPseudonym: string; fromOn: string; toOn: string | null }>;
}
interface PoliceFact {
  coursePseudonym: string;
  firstVideoInterviewHeldOn: string | null;
}

const BOERNEHUS_SELECTION =
  "coursePseudonym region municipalityCode courseType abuseTypes burdenLevel ageBand referralReceivedOn firstSamraadHeldOn finalNoteSentOn recommendationCount closedOn";
const MUNICIPALITY_SELECTION =
  "coursePseudonym responseMeasureStartedOn otherSupportRespondedOn assignments { caseworkerPseudonym fromOn toOn }";
const POLICE_SELECTION = "coursePseudonym firstVideoInterviewHeldOn";

export interface ExtractionResult {
  courses: number;
  assignments: number;
  asOf: string;
  milliseconds: number;
}

/**
 * One extraction: pulls every sector's pseudonymised facts through the gateway, joins them on
 * the course pseudonym (the børnehus's courses are the population; a sector's fact without a
 * børnehus course is dropped) and replaces the statistics database's facts in one transaction.
 */
export async function extractStatistics(options: {
  db: PrismaClient;
  gatewayUrl: string;
  token: TokenSource;
  pageSize?: number;
  now?: Date;
}): Promise<ExtractionResult> {
  const clock = Date.now();
  const startedAt = options.now ?? new Date();
  const asOf = danishDate(startedAt);
  const pageSize = options.pageSize ?? 2000;
  const [boernehus, municipality, police] = await Promise.all([
    allFacts<BoernehusFact>(options.gatewayUrl, options.token, "boernehusStatisticsFacts", BOERNEHUS_SELECTION, pageSize),
    allFacts<MunicipalityFact>(options.gatewayUrl, options.token, "municipalityStatisticsFacts", MUNICIPALITY_SELECTION, pageSize),
    allFacts<PoliceFact>(options.gatewayUrl, options.token, "policeStatisticsFacts", POLICE_SELECTION, pageSize),
  ]);
  const municipalityBy = new Map(municipality.map((f) => [f.coursePseudonym, f]));
  const policeBy = new Map(police.map((f) => [f.coursePseudonym, f]));

  const courses: CourseFactInput[] = [];
  const assignments: AssignmentFactInput[] = [];
  for (const b of boernehus) {
    const m = municipalityBy.get(b.coursePseudonym);
    const end = b.closedOn ?? asOf;
    const caseworkers = new Set((m?.assignments ?? []).filter((a) => a.fromOn <= end).map((a) => a.caseworkerPseudonym));
    courses.push({
      ...b,
      firstVideoInterviewHeldOn: policeBy.get(b.coursePseudonym)?.firstVideoInterviewHeldOn ?? null,
      responseMeasureStartedOn: m?.responseMeasureStartedOn ?? null,
      otherSupportRespondedOn: m?.otherSupportRespondedOn ?? null,
      caseworkerCount: caseworkers.size,
    });
    for (const a of m?.assignments ?? []) assignments.push({ coursePseudonym: b.coursePseudonym, ...a });
  }
  await replaceFacts(options.db, courses, assignments, { startedAt, asOf });
  return { courses: courses.length, assignments: assignments.length, asOf, milliseconds: Date.now() - clock };
}

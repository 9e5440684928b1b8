import { days } from "./coursePlan.ts";
import type { Cut } from "./courseRecords.ts";
import { iso } from "./dates.ts";
import type { SurveyRespondent, SyntheticSurvey } from "./model.ts";
import { hashString, Random, type Weighted } from "./random.ts";

/**
 * Outcome surveys (docs/surveys.md): the single-use links a børnehus issued in a course, and the
 * answers given through some of them. Drawn from a stream of their own, seeded by the case id,
 * so the rest of the world stays exactly as it was.
 *
 * The scores answer the børnehus's default questions by position (the børnehus seed maps them to
 * their keys): how many each kind of respondent is asked.
 */
export const SURVEY_QUESTION_COUNTS: Record<SurveyRespondent, number> = {
  CAREGIVER_FIRST_VISIT: 6,
  CAREGIVER_FOLLOW_UP: 4,
  YOUNG_PERSON: 5,
  SAMRAAD_PARTICIPANT: 5,
};

const LINK_DAYS = 14;
/** Mostly content, as OMS results usually are; a skipped question is null. */
const SCORES: Weighted<number | null> = [
  [1, 3],
  [2, 5],
  [3, 12],
  [4, 33],
  [5, 42],
  [null, 5],
];

export function surveyRecords(
  caseId: string,
  facts: { referralReceivedAt: number; firstVisitAt: number; closedAt: number | null; childAge: number },
  cut: Cut,
): SyntheticSurvey[] {
  const rng = new Random(hashString(caseId), 0x5e7);
  const surveys: SyntheticSurvey[] = [];
  const link = (respondent: SurveyRespondent, issuedAt: number, answerChance: number) => {
    if (!cut.happened(issuedAt)) return;
    const answeredAt = rng.chance(answerChance) ? issuedAt + rng.float(0.1, LINK_DAYS - 0.5) * days(1) : null;
    const answered = answeredAt !== null && cut.happened(answeredAt);
    const scores: Array<number | null> = Array.from({ length: SURVEY_QUESTION_COUNTS[respondent] }, () => rng.weighted(SCORES));
    // At least one answer: a respondent who skipped everything did not send the form.
    if (!scores.some((s) => s !== null)) scores[0] = 4;
    surveys.push({
      id: rng.uuid(),
      respondent,
      issuedAt: iso(issuedAt),
      expiresAt: iso(issuedAt + days(LINK_DAYS)),
      answeredAt: answered ? iso(answeredAt) : null,
      scores: answered ? scores : [],
    });
  };
  if (rng.chance(0.6)) link("CAREGIVER_FIRST_VISIT", facts.firstVisitAt, 0.55);
  if (rng.chance(0.5)) link("CAREGIVER_FOLLOW_UP", facts.firstVisitAt + days(60), 0.45);
  if (facts.childAge >= 10 && facts.childAge <= 17 && rng.chance(0.5)) link("YOUNG_PERSON", facts.firstVisitAt + days(1), 0.5);
  if (facts.closedAt !== null) {
    const count = rng.int(0, 2);
    for (let i = 0; i < count; i++) link("SAMRAAD_PARTICIPANT", facts.closedAt + days(1), 0.6);
  }
  return surveys.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

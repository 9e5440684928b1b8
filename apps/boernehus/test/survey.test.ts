import { describe, expect, it } from "vitest";
import {
  assertLinkOpen,
  assertRespondentFits,
  DEFAULT_SURVEY_QUESTIONS,
  isSurveyTokenShape,
  newSurveyToken,
  SURVEY_MIN_ANSWERS,
  surveyLinkExpiry,
  surveyResults,
  surveyTokenHash,
  surveyYear,
  validateAnswers,
  validateQuestions,
} from "../src/domain/survey.ts";

// The outcome surveys' rules (docs/surveys.md), without storage: the token, its expiry on the
// injected clock, single use, the answers' checks, and the aggregates with suppression. The
// cross-service test (tests/surveys/surveyLinks.test.ts) drives the same through the gateway.
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return "none";
};

describe("a survey token", () => {
  it("is 256 random bits in base64url, different each time, and kept only as its SHA-256", () => {
    const tokens = new Set(Array.from({ length: 200 }, newSurveyToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(isSurveyTokenShape(token)).toBe(true);
    const [token] = tokens as unknown as [string];
    expect(surveyTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(surveyTokenHash(token)).not.toContain(token);
    expect(surveyTokenHash(token)).toBe(surveyTokenHash(token));
    expect(isSurveyTokenShape(`${token}x`)).toBe(false);
    expect(isSurveyTokenShape("' OR 1=1 --")).toBe(false);
  });
});

describe("a survey link", () => {
  const issuedAt = new Date("2026-03-20T10:00:00Z");
  const expiresAt = surveyLinkExpiry(issuedAt);

  it("lasts 14 calendar days in Danish time (across the change to summer time)", () => {
    // 29 March 2026 is 23 hours long: the link still ends at 11:00 Danish time.
    expect(expiresAt.toISOString()).toBe("2026-04-03T09:00:00.000Z");
  });

  it("is open before it expires and unanswered, refused at expiry and after use", () => {
    expect(code(() => assertLinkOpen({ answeredAt: null, expiresAt }, new Date(expiresAt.getTime() - 1)))).toBe("none");
    expect(code(() => assertLinkOpen({ answeredAt: null, expiresAt }, expiresAt))).toBe("SURVEY_LINK_EXPIRED");
    expect(code(() => assertLinkOpen({ answeredAt: issuedAt, expiresAt }, issuedAt))).toBe("SURVEY_LINK_USED");
    expect(code(() => assertLinkOpen(null, issuedAt))).toBe("SURVEY_LINK_UNKNOWN");
  });

  it("for the young person only when the child was 10-17", () => {
    expect(code(() => assertRespondentFits("YOUNG_PERSON", 9))).toBe("BAD_USER_INPUT");
    expect(code(() => assertRespondentFits("YOUNG_PERSON", 10))).toBe("none");
    expect(code(() => assertRespondentFits("CAREGIVER_FIRST_VISIT", 3))).toBe("none");
  });
});

describe("answers", () => {
  const questions = DEFAULT_SURVEY_QUESTIONS.CAREGIVER_FIRST_VISIT;
  it("are scores 1-5 to the link's own questions, each once, at least one", () => {
    expect(validateAnswers([{ questionKey: "felt-welcome", score: 5 }], questions)).toEqual([{ questionKey: "felt-welcome", score: 5 }]);
    expect(code(() => validateAnswers([], questions))).toBe("BAD_USER_INPUT");
    expect(code(() => validateAnswers([{ questionKey: "felt-welcome", score: 0 }], questions))).toBe("BAD_USER_INPUT");
    expect(code(() => validateAnswers([{ questionKey: "felt-welcome", score: 2.5 }], questions))).toBe("BAD_USER_INPUT");
    expect(code(() => validateAnswers([{ questionKey: "felt-safe", score: 3 }], questions))).toBe("BAD_USER_INPUT");
    const twice = [
      { questionKey: "felt-welcome", score: 3 },
      { questionKey: "felt-welcome", score: 4 },
    ];
    expect(code(() => validateAnswers(twice, questions))).toBe("BAD_USER_INPUT");
  });

  it("a leader's questions: plain keys, unique, 1-15, texts 5-300 characters", () => {
    expect(validateQuestions([{ key: " felt-heard ", text: "  Jeg  blev hørt. " }])).toEqual([
      { key: "felt-heard", text: "Jeg blev hørt." },
    ]);
    expect(code(() => validateQuestions([]))).toBe("BAD_USER_INPUT");
    expect(code(() => validateQuestions([{ key: "Felt Heard", text: "Jeg blev hørt." }]))).toBe("BAD_USER_INPUT");
    expect(code(() => validateQuestions([{ key: "a", text: "kort" }]))).toBe("BAD_USER_INPUT");
    const dup = [
      { key: "a", text: "Første spørgsmål" },
      { key: "a", text: "Andet spørgsmål" },
    ];
    expect(code(() => validateQuestions(dup))).toBe("BAD_USER_INPUT");
  });
});

describe("the aggregates", () => {
  const answer = (questionKey: string, score: number, version = 0, questionText = `tekst ${questionKey} v${version}`) => ({
    respondent: "CAREGIVER_FIRST_VISIT" as const,
    questionKey,
    score,
    version,
    questionText,
  });

  it("count answers and the share agreeing (4-5), withhold a question answered fewer than 5 times, and a share resting on fewer than 5", () => {
    const rows = [
      ...[5, 4, 4, 2, 1, 3, 5, 4, 2, 1, 2].map((s) => answer("felt-welcome", s)),
      ...[5, 4, 4, 2, 1, 3].map((s) => answer("felt-safe", s)),
      ...[5, 5, 5, 5].map((s) => answer("would-recommend", s)),
    ];
    const cell = (questionKey: string, answers: number | null, agreeShare: number | null, withheld: boolean) => ({
      respondent: "CAREGIVER_FIRST_VISIT",
      questionKey,
      questionText: `tekst ${questionKey} v0`,
      answers,
      agreeShare,
      withheld,
    });
    expect(surveyResults(rows)).toEqual([
      // 6 answers, 3 agreeing: the count is shown, the share (3 and 3, under 5) is not.
      cell("felt-safe", 6, null, false),
      // 11 answers, 5 agreeing and 6 not: both at least 5, the share is shown.
      cell("felt-welcome", 11, 5 / 11, false),
      // 4 answers: withheld, and its share with it.
      cell("would-recommend", null, null, true),
    ]);
    expect(SURVEY_MIN_ANSWERS).toBe(5);
  });

  it("count a question across versions, under the newest version's text", () => {
    const rows = [
      answer("felt-welcome", 5, 0),
      answer("felt-welcome", 5, 2, "Ny tekst"),
      ...[4, 4, 1].map((s) => answer("felt-welcome", s, 1)),
    ];
    const [result] = surveyResults(rows);
    // 4 of 5 agree: the count is shown, the share (one person disagreed) is not.
    expect(result).toMatchObject({ questionText: "Ny tekst", answers: 5, agreeShare: null, withheld: false });
  });

  it("a calendar year in Danish time", () => {
    expect(surveyYear(2026)).toEqual({ from: new Date("2025-12-31T23:00:00Z"), to: new Date("2026-12-31T23:00:00Z") });
    expect(code(() => surveyYear(26))).toBe("BAD_USER_INPUT");
  });
});

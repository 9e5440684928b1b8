import { timeFrom } from "@samraad/clocks";
import { worldEnd } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, type Stack, startStack } from "../support/stack.ts";

/**
 * Outcome survey links through the real gateway (docs/surveys.md): a coordinator issues a
 * link; someone without any token answers it once; the link is refused after use and after
 * expiry (on the stack's injected clock, moved forward here, never the machine's); and the
 * token opens nothing else: no case, no other field, no other operation.
 */
let stack: Stack;
/** How far the stack's one clock is moved ahead of the world's end. */
let shiftMs = 0;
const DAY = 86_400_000;

const ISSUE = `mutation($input: IssueSurveyLinkInput!) { issueSurveyLink(input: $input) { token respondent expiresAt } }`;
const FORM = `query($token: String!) { surveyForm(token: $token) { respondent expiresAt questions { key text } } }`;
const ANSWER = `mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) { accepted } }`;

/** A request as a browser without any login sends it: no Authorization header at all. */
async function anonymous<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

const codes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

async function issue(caseId: string, respondent = "CAREGIVER_FIRST_VISIT"): Promise<string> {
  const r = await stack.query<{ issueSurveyLink: { token: string } }>("coordinator-hovedstaden", ISSUE, { input: { caseId, respondent } });
  expect(r.errors).toBeUndefined();
  return r.data?.issueSurveyLink.token as string;
}

beforeAll(async () => {
  const base = timeFrom(new Date(worldEnd()));
  stack = await startStack({ courses: 60, clock: { now: () => new Date(base.now().getTime() + shiftMs) } });
}, 600_000);
afterAll(async () => stack?.stop());

describe("an outcome survey link", () => {
  it("is issued by the case's coordinator, holds no personal data, and is stored only as a hash", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const token = await issue(course.caseId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(course.caseId);
    const rows = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ tokenHash: string }>>(
      `SELECT "tokenHash" FROM "SurveyLink" WHERE "caseId" = $1::uuid AND "issuedBy" <> 'synthetic'`,
      course.caseId,
    );
    expect(rows.length).toBe(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // The token itself is nowhere in the børnehus's database (idempotency results included).
    const found = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "SurveyLink" WHERE "tokenHash" = $1 OR "id"::text = $1`,
      token,
    );
    expect(found[0]?.n).toBe(0);
  });

  it("is answered once without logging in, then refused; answers count; bad input changes nothing", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const token = await issue(course.caseId);
    const form = await anonymous<{ surveyForm: { questions: Array<{ key: string; text: string }> } }>(FORM, { token });
    expect(form.status).toBe(200);
    expect(form.errors).toBeUndefined();
    const questions = form.data?.surveyForm.questions ?? [];
    expect(questions.map((q) => q.key)).toContain("felt-welcome");
    // The form says nothing about the case or anyone in it.
    expect(JSON.stringify(form.data)).not.toContain(course.caseId);

    const bad = await anonymous(ANSWER, { input: { token, answers: [{ questionKey: "felt-welcome", score: 9 }] } });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const unknownQuestion = await anonymous(ANSWER, { input: { token, answers: [{ questionKey: "not-a-question", score: 3 }] } });
    expect(codes(unknownQuestion)).toEqual(["BAD_USER_INPUT"]);

    const answers = questions.map((q, i) => ({ questionKey: q.key, score: (i % 5) + 1 }));
    const first = await anonymous<{ answerSurvey: { accepted: boolean } }>(ANSWER, { input: { token, answers } });
    expect(first.errors).toBeUndefined();
    expect(first.data?.answerSurvey.accepted).toBe(true);

    const again = await anonymous(ANSWER, { input: { token, answers } });
    expect(codes(again)).toEqual(["SURVEY_LINK_USED"]);
    expect(codes(await anonymous(FORM, { token }))).toEqual(["SURVEY_LINK_USED"]);

    const stored = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "SurveyAnswer" a JOIN "SurveyLink" l ON l."id" = a."linkId" WHERE l."caseId" = $1::uuid AND l."issuedBy" <> 'synthetic'`,
      course.caseId,
    );
    expect(stored[0]?.n).toBe(answers.length);

    // The coordinator sees that it was answered, never what.
    const links = await stack.query<{ boernehusCase: { surveyLinks: Array<{ answeredAt: string | null }> } }>(
      "coordinator-hovedstaden",
      `query($id: ID!) { boernehusCase(id: $id) { surveyLinks { respondent answeredAt } } }`,
      { id: course.caseId },
    );
    expect(links.data?.boernehusCase.surveyLinks.some((l) => l.answeredAt !== null)).toBe(true);

    // The audit log records the respondent's answer against the case, without its values.
    const audit = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ field_paths: string[] }>>(
      `SELECT field_paths FROM samraad_meta.audit_log WHERE actor_sub = 'survey-respondent' AND $1 = ANY(case_ids)`,
      course.caseId,
    );
    expect(audit.flatMap((a) => a.field_paths)).toContain("SurveyReceipt.accepted");
  });

  it("opens nothing else: no other field, no other operation, no case, no introspection of data", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const token = await issue(course.caseId);
    // Without a token, anything but the two survey fields is refused at the door (401).
    for (const query of [
      `query { boernehusCases { id } }`,
      `query($id: ID!) { boernehusCase(id: $id) { id region } }`,
      `query($t: String!) { surveyForm(token: $t) { respondent } boernehusCases { id } }`,
      `query($t: String!) { a: surveyForm(token: $t) { respondent } }`,
      `query($t: String!) { ...F } fragment F on Query { surveyForm(token: $t) { respondent } }`,
      `query { surveyQuestionSets { version } }`,
      `mutation($input: IssueSurveyLinkInput!) { issueSurveyLink(input: $input) { token } }`,
    ]) {
      const r = await anonymous(query, {
        id: course.caseId,
        t: token,
        token,
        input: { caseId: course.caseId, respondent: "YOUNG_PERSON" },
      });
      expect(r.status, query).toBe(401);
      expect(r.data ?? null, query).toBeNull();
    }
    // A professional cannot use a token as a key to a form (the scope is the respondent's alone).
    const asCoordinator = await stack.query("coordinator-hovedstaden", FORM, { token });
    expect(codes(asCoordinator)).toContain("UNAUTHORIZED");
    // A token-shaped guess is unknown, and a malformed token too, before any lookup.
    expect(codes(await anonymous(FORM, { token: "A".repeat(43) }))).toEqual(["SURVEY_LINK_UNKNOWN"]);
    expect(codes(await anonymous(FORM, { token: "../../boernehusCase" }))).toEqual(["SURVEY_LINK_UNKNOWN"]);
    // A body beyond the respondent's small limit (8 KB) is not let in.
    const oversized = await anonymous(ANSWER, {
      input: { token, answers: Array.from({ length: 400 }, () => ({ questionKey: "felt-welcome", score: 3 })) },
    });
    expect(oversized.status).toBe(401);
  });

  it("is refused once expired, on the service's clock", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const token = await issue(course.caseId);
    const form = await anonymous<{ surveyForm: { expiresAt: string; questions: Array<{ key: string }> } }>(FORM, { token });
    const expiresAt = Date.parse(form.data?.surveyForm.expiresAt ?? "");
    expect(expiresAt - stack.clock.now().getTime()).toBeGreaterThan(13 * DAY);
    shiftMs = 15 * DAY;
    try {
      expect(codes(await anonymous(FORM, { token }))).toEqual(["SURVEY_LINK_EXPIRED"]);
      const answers = (form.data?.surveyForm.questions ?? []).map((q) => ({ questionKey: q.key, score: 4 }));
      expect(codes(await anonymous(ANSWER, { input: { token, answers } }))).toEqual(["SURVEY_LINK_EXPIRED"]);
    } finally {
      shiftMs = 0;
    }
    const stored = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "SurveyLink" WHERE "caseId" = $1::uuid AND "answeredAt" IS NOT NULL AND "issuedBy" <> 'synthetic'`,
      course.caseId,
    );
    // Only the link answered in the test above (same case); the expired one stayed unanswered.
    expect(stored[0]?.n).toBe(1);
  });

  it("the børnehus leader changes her børnehus's questions (a new version); a coordinator may not; old answers keep their text", async () => {
    const SET = `mutation($input: SetSurveyQuestionsInput!) { setSurveyQuestions(input: $input) { version questions { key text } } }`;
    const SETS = `query { surveyQuestionSets { respondent version questions { key text } } }`;
    const RESULTS = `query($year: Int!) { surveyResults(year: $year) { respondent questionKey questionText answers agreeShare withheld } }`;
    const input = {
      respondent: "CAREGIVER_FIRST_VISIT",
      questions: [
        { key: "felt-welcome", text: "Vi blev taget godt imod i børnehuset." },
        { key: "plain-language", text: "Personalet talte, så jeg kunne forstå det." },
      ],
    };
    // Who may not: a coordinator (FORBIDDEN), another sector's leader (UNAUTHORIZED by the field rules).
    expect(codes(await stack.query("coordinator-hovedstaden", SET, { input }))).toEqual(["FORBIDDEN"]);
    expect(codes(await stack.query("leader-kbh", SET, { input }))).toContain("UNAUTHORIZED");
    expect(codes(await stack.query("coordinator-hovedstaden", RESULTS, { year: 2026 }))).toEqual(["FORBIDDEN"]);
    const before = await stack.query<{ surveyQuestionSets: Array<{ respondent: string; version: number }> }>(
      "leader-boernehus-hovedstaden",
      SETS,
    );
    const oldVersion = before.data?.surveyQuestionSets.find((s) => s.respondent === "CAREGIVER_FIRST_VISIT")?.version ?? -1;

    // A link issued before the change keeps the old questions.
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const oldToken = await issue(course.caseId);
    const changed = await stack.query<{ setSurveyQuestions: { version: number } }>("leader-boernehus-hovedstaden", SET, { input });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.setSurveyQuestions.version).toBe(Math.max(oldVersion, 0) + 1);
    const oldForm = await anonymous<{ surveyForm: { questions: Array<{ key: string; text: string }> } }>(FORM, { token: oldToken });
    expect(oldForm.data?.surveyForm.questions.find((q) => q.key === "felt-welcome")?.text).toBe("Jeg følte mig velkommen i børnehuset.");
    const newToken = await issue(course.caseId);
    const newForm = await anonymous<{ surveyForm: { questions: Array<{ key: string; text: string }> } }>(FORM, { token: newToken });
    expect(newForm.data?.surveyForm.questions.map((q) => q.key)).toEqual(["felt-welcome", "plain-language"]);

    // Bad input is refused and writes no version.
    const bad = await stack.query("leader-boernehus-hovedstaden", SET, {
      input: { ...input, questions: [{ key: "Not A Key", text: "x" }] },
    });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const after = await stack.query<{ surveyQuestionSets: Array<{ respondent: string; version: number }> }>(
      "leader-boernehus-hovedstaden",
      SETS,
    );
    expect(after.data?.surveyQuestionSets.find((s) => s.respondent === "CAREGIVER_FIRST_VISIT")?.version).toBe(Math.max(oldVersion, 0) + 1);

    // The leader's results: aggregates only; a question with fewer than 5 answers is withheld.
    const results = await stack.query<{ surveyResults: Array<{ answers: number | null; agreeShare: number | null; withheld: boolean }> }>(
      "leader-boernehus-hovedstaden",
      RESULTS,
      { year: stack.clock.now().getUTCFullYear() },
    );
    expect(results.errors).toBeUndefined();
    for (const r of results.data?.surveyResults ?? []) {
      if (r.withheld) expect([r.answers, r.agreeShare]).toEqual([null, null]);
      else expect(r.answers).toBeGreaterThanOrEqual(5);
    }
  });
});

import { createHash, randomBytes } from "node:crypto";
import { BOERNEHUS_REGIONS, type Principal } from "@samraad/access";
import { addCalendarDays } from "@samraad/clocks";
import { badInput, DomainError, forbidden } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { lockCase } from "../data/find.ts";
import {
  answersOfRegion,
  claimLink,
  createSurveyLink,
  currentQuestionSet,
  linkByTokenHash,
  questionSetForLink,
  saveAnswers,
  writeQuestionSet,
} from "../data/surveys.ts";
import type { AnswerSurveyInput, IssueSurveyLinkInput, Region, SetSurveyQuestionsInput, SurveyRespondent } from "../generated/graphql.ts";

/**
 * Outcome surveys (docs/surveys.md): the rules, apart from storage and transport.
 *
 * A link carries only an opaque random token (256 bits, base64url): nothing about the case,
 * the child or the børnehus. The børnehus keeps the token's SHA-256 alone, so its database
 * cannot hand out a working link either, and the case is found through the hash.
 */
export const SURVEY_LINK_DAYS = 14;
/** Answers fewer than this are withheld, as the statistics' smallest published count (MIN_CHILDREN). */
export const SURVEY_MIN_ANSWERS = 5;
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_QUESTIONS = 15;
const MAX_TEXT = 300;

export interface SurveyQuestionItem {
  key: string;
  text: string;
}

/** What the resolvers pass around. `caseId` is never a field: it is there for the audit log's record only. */
export interface IssuedLinkRow {
  caseId: string;
  respondent: SurveyRespondent;
  expiresAt: Date;
}
export interface SurveyFormRow {
  caseId: string;
  respondent: SurveyRespondent;
  questions: SurveyQuestionItem[];
  expiresAt: Date;
}
export interface SurveyReceiptRow {
  caseId: string;
  accepted: boolean;
}

export function newSurveyToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function surveyTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token of the wrong shape is answered as an unknown one, before the database is asked. */
export function isSurveyTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function surveyLinkExpiry(issuedAt: Date): Date {
  return addCalendarDays(issuedAt, SURVEY_LINK_DAYS);
}

export const surveyLinkUnknown = () =>
  new DomainError(
    "SURVEY_LINK_UNKNOWN",
    "This survey link is not valid. Check that the whole link was copied, or ask the børnehus for a new one.",
  );
export const surveyLinkUsed = () =>
  new DomainError("SURVEY_LINK_USED", "This survey has already been answered through this link. Thank you.");
export const surveyLinkExpired = () =>
  new DomainError("SURVEY_LINK_EXPIRED", "This survey link has expired. Ask the børnehus for a new one if you still want to answer.");

/** Whether a link may still be answered at `now`: throws the refusal the respondent sees. */
export function assertLinkOpen<T extends { answeredAt: Date | null; expiresAt: Date }>(link: T | null, now: Date): asserts link is T {
  if (!link) throw surveyLinkUnknown();
  if (link.answeredAt) throw surveyLinkUsed();
  if (link.expiresAt.getTime() <= now.getTime()) throw surveyLinkExpired();
}

/**
 * The default questions, in plain Danish, after the Outcome Measurement System of the
 * National Children's Alliance (felt welcome, knew what would happen, felt safe, were
 * listened to, know where to get help, would recommend). A børnehus may change its own.
 */
export const DEFAULT_SURVEY_QUESTIONS: Record<SurveyRespondent, SurveyQuestionItem[]> = {
  CAREGIVER_FIRST_VISIT: [
    { key: "felt-welcome", text: "Jeg følte mig velkommen i børnehuset." },
    { key: "knew-what-would-happen", text: "Jeg fik at vide, hvad der skulle ske, og hvorfor." },
    { key: "child-felt-safe", text: "Mit barn var trygt, mens vi var i børnehuset." },
    { key: "was-listened-to", text: "Personalet lyttede til mig og tog mine spørgsmål alvorligt." },
    { key: "knows-where-to-get-help", text: "Jeg ved, hvor jeg kan få hjælp, hvis jeg får brug for det." },
    { key: "would-recommend", text: "Jeg vil anbefale børnehuset til en familie i samme situation." },
  ],
  CAREGIVER_FOLLOW_UP: [
    { key: "got-the-help-needed", text: "Mit barn og vores familie har fået den hjælp, vi havde brug for." },
    { key: "kept-informed", text: "Jeg er blevet holdt orienteret om, hvad der skete i sagen." },
    { key: "knows-where-to-get-help", text: "Jeg ved, hvor jeg kan få hjælp, hvis jeg får brug for det." },
    { key: "would-recommend", text: "Jeg vil anbefale børnehuset til en familie i samme situation." },
  ],
  YOUNG_PERSON: [
    { key: "felt-welcome", text: "Jeg følte mig velkommen." },
    { key: "felt-safe", text: "Jeg følte mig tryg." },
    { key: "knew-what-would-happen", text: "Jeg vidste, hvad der skulle ske." },
    { key: "was-listened-to", text: "De voksne lyttede til mig." },
    { key: "knows-where-to-get-help", text: "Jeg ved, hvem jeg kan tale med, hvis jeg får brug for hjælp." },
  ],
  SAMRAAD_PARTICIPANT: [
    { key: "clear-roles", text: "Det var tydeligt, hvem der gjorde hvad i forløbet." },
    { key: "useful-samraad", text: "Samrådet hjalp os med at planlægge indsatsen for barnet." },
    { key: "timely-information", text: "Jeg fik de oplysninger, jeg havde brug for, i tide." },
    { key: "child-centred", text: "Forløbet tog udgangspunkt i barnets behov." },
    { key: "would-recommend", text: "Jeg vil anbefale samarbejdet med børnehuset til kolleger." },
  ],
};

/** A leader's new set: 1-15 questions, keys unique and plain, texts 5-300 characters. */
export function validateQuestions(questions: readonly SurveyQuestionItem[]): SurveyQuestionItem[] {
  if (questions.length < 1 || questions.length > MAX_QUESTIONS) {
    throw badInput(`questions must hold 1-${MAX_QUESTIONS} questions.`, "questions");
  }
  const seen = new Set<string>();
  return questions.map((q, i) => {
    const key = q.key.trim();
    const text = q.text.trim().replace(/\s+/g, " ");
    if (!KEY_PATTERN.test(key) || key.length > 60) {
      throw badInput(
        `questions[${i}].key must be lower-case letters and digits joined by hyphens (e.g. felt-welcome).`,
        `questions[${i}].key`,
      );
    }
    if (seen.has(key)) throw badInput(`questions[${i}].key ${key} is used twice.`, `questions[${i}].key`);
    seen.add(key);
    if (text.length < 5 || text.length > MAX_TEXT)
      throw badInput(`questions[${i}].text must be 5-${MAX_TEXT} characters.`, `questions[${i}].text`);
    return { key, text };
  });
}

/** Answers to the link's own questions only, each once, scores 1-5, at least one. */
export function validateAnswers(
  answers: ReadonlyArray<{ questionKey: string; score: number }>,
  questions: readonly SurveyQuestionItem[],
): Array<{ questionKey: string; score: number }> {
  if (answers.length === 0) throw badInput("Answer at least one question.", "answers");
  if (answers.length > questions.length) throw badInput("answers holds more answers than the survey has questions.", "answers");
  const keys = new Set(questions.map((q) => q.key));
  const seen = new Set<string>();
  return answers.map((a, i) => {
    if (!keys.has(a.questionKey) || seen.has(a.questionKey)) {
      throw badInput(`answers[${i}].questionKey is not a question of this survey, or is answered twice.`, `answers[${i}].questionKey`);
    }
    seen.add(a.questionKey);
    if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5) throw badInput(`answers[${i}].score must be 1-5.`, `answers[${i}].score`);
    return { questionKey: a.questionKey, score: a.score };
  });
}

/** The young person's survey is for 10-17 year olds (the child's age when referred). */
export function assertRespondentFits(respondent: SurveyRespondent, childAgeAtReferral: number): void {
  if (respondent === "YOUNG_PERSON" && (childAgeAtReferral < 10 || childAgeAtReferral > 17)) {
    throw badInput("The young person's survey is for children aged 10-17.", "respondent");
  }
}

/** Only the leader of a børnehus changes its questions and sees its results; her børnehus is her organisation. */
export function assertBoernehusLeader(principal: Principal, what: string): string {
  if (principal.sector !== "BOERNEHUS" || !principal.roles.includes("leader")) {
    throw forbidden(`Only the børnehus's leader may ${what}.`);
  }
  return principal.organisation;
}

/**
 * One calendar year in Danish time, [1 January, 1 January next year). New Year is always in
 * winter time (UTC+1). A whole year, not a free window: two overlapping windows would tell
 * one answer apart by differencing.
 */
export function surveyYear(year: number): { from: Date; to: Date } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput("year must be a calendar year, e.g. 2026.", "year");
  const hour = 3_600_000;
  return { from: new Date(Date.UTC(year, 0, 1) - hour), to: new Date(Date.UTC(year + 1, 0, 1) - hour) };
}

export interface SurveyResultRow {
  respondent: SurveyRespondent;
  questionKey: string;
  questionText: string;
  answers: number | null;
  agreeShare: number | null;
  withheld: boolean;
}

/**
 * Aggregates with suppression: per respondent kind and question key (across versions, texts
 * from the newest), the number of answers and the share answering 4 or 5. Fewer than
 * SURVEY_MIN_ANSWERS answers: withheld, neither figure shown; the share alone is withheld when
 * fewer than SURVEY_MIN_ANSWERS agreed, or fewer did not.
 */
export function surveyResults(
  rows: ReadonlyArray<{ respondent: SurveyRespondent; questionKey: string; score: number; version: number; questionText: string }>,
): SurveyResultRow[] {
  const cells = new Map<
    string,
    { respondent: SurveyRespondent; questionKey: string; text: string; version: number; n: number; agree: number }
  >();
  for (const r of rows) {
    const id = `${r.respondent}/${r.questionKey}`;
    const cell = cells.get(id) ?? {
      respondent: r.respondent,
      questionKey: r.questionKey,
      text: r.questionText,
      version: r.version,
      n: 0,
      agree: 0,
    };
    if (r.version > cell.version) {
      cell.version = r.version;
      cell.text = r.questionText;
    }
    cell.n += 1;
    if (r.score >= 4) cell.agree += 1;
    cells.set(id, cell);
  }
  return [...cells.values()]
    .sort(
      (a, b) =>
        RESPONDENT_ORDER.indexOf(a.respondent) - RESPONDENT_ORDER.indexOf(b.respondent) || a.questionKey.localeCompare(b.questionKey),
    )
    .map((c) => {
      const withheld = c.n < SURVEY_MIN_ANSWERS;
      return {
        respondent: c.respondent,
        questionKey: c.questionKey,
        questionText: c.text,
        answers: withheld ? null : c.n,
        // As the statistics' shares (suppression.ts): published only where both the agreeing and
        // the other answers are at least 5, so that share × answers tells no one's answer.
        agreeShare: withheld || c.agree < SURVEY_MIN_ANSWERS || c.n - c.agree < SURVEY_MIN_ANSWERS ? null : c.agree / c.n,
        withheld,
      };
    });
}

export const RESPONDENT_ORDER: readonly SurveyRespondent[] = [
  "CAREGIVER_FIRST_VISIT",
  "CAREGIVER_FOLLOW_UP",
  "YOUNG_PERSON",
  "SAMRAAD_PARTICIPANT",
];

// The reads and writes: each rule above, applied to what the data layer finds.

/** The børnehus region a børnehus principal acts for (its organisation). */
function ownRegion(organisation: string): Region {
  if (!(BOERNEHUS_REGIONS as readonly string[]).includes(organisation)) throw forbidden("Only a børnehus has survey questions.");
  return organisation as Region;
}

export interface QuestionSetView {
  respondent: SurveyRespondent;
  version: number;
  questions: SurveyQuestionItem[];
  changedAt: Date | null;
}

/** The principal's børnehus's current questions for each kind of respondent (the default until it changes them). */
export async function surveyQuestionSets(ctx: Context): Promise<QuestionSetView[]> {
  const region = ownRegion(ctx.principal.organisation);
  return Promise.all(
    RESPONDENT_ORDER.map(async (respondent) => {
      const current = await currentQuestionSet(ctx.db, region, respondent);
      if (!current) return { respondent, version: 0, questions: DEFAULT_SURVEY_QUESTIONS[respondent], changedAt: null };
      return {
        respondent,
        version: current.version,
        questions: current.questions,
        changedAt: current.version > 0 ? current.createdAt : null,
      };
    }),
  );
}

/** The leader's aggregates of her børnehus's answers in one calendar year. */
export async function surveyResultsOfYear(ctx: Context, year: number): Promise<SurveyResultRow[]> {
  const region = ownRegion(assertBoernehusLeader(ctx.principal, "see the survey results"));
  const { from, to } = surveyYear(year);
  return surveyResults(await answersOfRegion(ctx.db, region, from, to));
}

/**
 * The respondent's only read: the questions of the token's link. The case id rides along
 * unexposed (no field reads it) so that the audit log records which case's link was opened.
 */
export async function surveyForm(ctx: Context, token: string): Promise<SurveyFormRow> {
  if (!isSurveyTokenShape(token)) throw surveyLinkUnknown();
  const link = await linkByTokenHash(ctx.db, surveyTokenHash(token));
  assertLinkOpen(link, ctx.clock.now());
  return { caseId: link.caseId, respondent: link.respondent, questions: link.questions, expiresAt: link.expiresAt };
}

/** A new single-use link for the case, and its token: the caller hands the token out once, and it is stored nowhere. */
export async function issueSurveyLink(ctx: Context, input: IssueSurveyLinkInput): Promise<{ issued: IssuedLinkRow; token: string }> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    assertRespondentFits(input.respondent, course.childAgeAtReferral);
    const now = ctx.clock.now();
    const set = await questionSetForLink(tx, course.region, input.respondent, DEFAULT_SURVEY_QUESTIONS[input.respondent], {
      now,
      by: ctx.principal.sub,
    });
    const token = newSurveyToken();
    const link = await createSurveyLink(tx, {
      caseId: course.id,
      region: course.region,
      respondent: input.respondent,
      questionSetId: set.id,
      tokenHash: surveyTokenHash(token),
      issuedAt: now,
      expiresAt: surveyLinkExpiry(now),
      issuedBy: ctx.principal.sub,
    });
    return { issued: { caseId: course.id, respondent: link.respondent, expiresAt: link.expiresAt }, token };
  });
}

export async function setSurveyQuestions(ctx: Context, input: SetSurveyQuestionsInput): Promise<QuestionSetView> {
  const region = ownRegion(assertBoernehusLeader(ctx.principal, "change the survey questions"));
  const questions = validateQuestions(input.questions);
  return inTransaction(ctx.db, async (tx) => {
    const set = await writeQuestionSet(tx, region, input.respondent, questions, { now: ctx.clock.now(), by: ctx.principal.sub });
    return { respondent: set.respondent, version: set.version, questions: set.questions, changedAt: set.createdAt };
  });
}

export async function answerSurvey(ctx: Context, input: AnswerSurveyInput): Promise<SurveyReceiptRow> {
  if (!isSurveyTokenShape(input.token)) throw surveyLinkUnknown();
  const tokenHash = surveyTokenHash(input.token);
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const link = await linkByTokenHash(tx, tokenHash);
    assertLinkOpen(link, now);
    const answers = validateAnswers(input.answers, link.questions);
    if (!(await claimLink(tx, link.id, now))) throw surveyLinkUsed();
    await saveAnswers(tx, link.id, answers);
    // The case id only for the audit log's record (SurveyReceipt exposes `accepted` alone).
    return { accepted: true, caseId: link.caseId };
  });
}

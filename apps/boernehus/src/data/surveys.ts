import { danishDate } from "@samraad/subgraph-kit";
import type { SurveyQuestionItem } from "../domain/survey.ts";
import type { Region, SurveyRespondent } from "../generated/prisma/client.ts";
import type { Db } from "./client.ts";
import type { Tx } from "./find.ts";

/**
 * Outcome surveys' storage (docs/surveys.md). A question set is written once per version;
 * a link holds the hash of its token, never the token; answers hang off their link.
 */

export interface QuestionSetRow {
  id: string;
  respondent: SurveyRespondent;
  version: number;
  questions: SurveyQuestionItem[];
  createdAt: Date;
}

type Reader = Db | Tx;

const asQuestions = (json: unknown): SurveyQuestionItem[] => json as SurveyQuestionItem[];

/** The newest stored version of a børnehus's set for one kind of respondent, or null (then the default applies). */
export async function currentQuestionSet(db: Reader, region: Region, respondent: SurveyRespondent): Promise<QuestionSetRow | null> {
  const row = await db.surveyQuestionSet.findFirst({ where: { region, respondent }, orderBy: { version: "desc" } });
  return row && { ...row, questions: asQuestions(row.questions) };
}

/**
 * The set a new link is answered with: the newest stored version, or the default stored as
 * version 0 the first time it is used (so the answers keep its text even if the default changes).
 */
export async function questionSetForLink(
  tx: Tx,
  region: Region,
  respondent: SurveyRespondent,
  defaults: SurveyQuestionItem[],
  at: { now: Date; by: string },
): Promise<QuestionSetRow> {
  const current = await currentQuestionSet(tx, region, respondent);
  if (current) return current;
  const row = await tx.surveyQuestionSet.upsert({
    where: { region_respondent_version: { region, respondent, version: 0 } },
    create: { region, respondent, version: 0, questions: defaults as object[], createdAt: at.now, createdBy: at.by },
    update: {},
  });
  return { ...row, questions: asQuestions(row.questions) };
}

export async function writeQuestionSet(
  tx: Tx,
  region: Region,
  respondent: SurveyRespondent,
  questions: SurveyQuestionItem[],
  at: { now: Date; by: string },
): Promise<QuestionSetRow> {
  // Serialises two leaders saving at once: the second gets the next version, not a unique violation.
  // A changed set is version 1 or later: 0 is always the default.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`survey-set:${region}:${respondent}`}))`;
  const current = await currentQuestionSet(tx, region, respondent);
  const row = await tx.surveyQuestionSet.create({
    data: {
      region,
      respondent,
      version: (current?.version ?? 0) + 1,
      questions: questions as object[],
      createdAt: at.now,
      createdBy: at.by,
    },
  });
  return { ...row, questions: asQuestions(row.questions) };
}

export async function createSurveyLink(
  tx: Tx,
  link: {
    caseId: string;
    region: Region;
    respondent: SurveyRespondent;
    questionSetId: string;
    tokenHash: string;
    issuedAt: Date;
    expiresAt: Date;
    issuedBy: string;
  },
) {
  return tx.surveyLink.create({ data: link });
}

/** The link a token's hash names, with its question set; nothing else about the case. */
export async function linkByTokenHash(db: Reader, tokenHash: string) {
  const row = await db.surveyLink.findUnique({
    where: { tokenHash },
    select: { id: true, caseId: true, respondent: true, expiresAt: true, answeredAt: true, questionSet: { select: { questions: true } } },
  });
  return row && { ...row, questions: asQuestions(row.questionSet.questions) };
}

/**
 * Marks the link answered, if it still is open at `now`: one conditional UPDATE, so two
 * answers racing on the same link cannot both pass (the second finds it answered).
 */
export async function claimLink(tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.surveyLink.updateMany({ where: { id, answeredAt: null, expiresAt: { gt: now } }, data: { answeredAt: now } });
  return count === 1;
}

export async function saveAnswers(tx: Tx, linkId: string, answers: Array<{ questionKey: string; score: number }>): Promise<void> {
  await tx.surveyAnswer.createMany({ data: answers.map((a) => ({ linkId, ...a })) });
}

export async function linksOfCase(db: Reader, caseId: string) {
  return db.surveyLink.findMany({
    where: { caseId },
    orderBy: { issuedAt: "desc" },
    select: { id: true, respondent: true, issuedAt: true, expiresAt: true, answeredAt: true },
  });
}

/** Every answer given in [from, to) to a børnehus's surveys, with the version and text of its question. */
export async function answersOfRegion(db: Reader, region: Region, from: Date, to: Date) {
  const links = await db.surveyLink.findMany({
    where: { region, answeredAt: { gte: from, lt: to } },
    select: {
      respondent: true,
      answers: { select: { questionKey: true, score: true } },
      questionSet: { select: { version: true, questions: true } },
    },
  });
  return links.flatMap((link) => {
    const texts = new Map(asQuestions(link.questionSet.questions).map((q) => [q.key, q.text]));
    return link.answers.map((a) => ({
      respondent: link.respondent,
      questionKey: a.questionKey,
      score: a.score,
      version: link.questionSet.version,
      questionText: texts.get(a.questionKey) ?? a.questionKey,
    }));
  });
}

/**
 * A page of answered links in link id order (keyset), for the statistics extraction. The link id
 * makes the page cursor (encrypted); the case id rides along for the audit log only.
 */
export async function surveyFacts(db: Reader, afterId: string | null, take: number) {
  const links = await db.surveyLink.findMany({
    where: { answeredAt: { not: null }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      caseId: true,
      region: true,
      respondent: true,
      answeredAt: true,
      answers: { select: { questionKey: true, score: true } },
    },
  });
  return links.map((l) => ({
    linkId: l.id,
    caseId: l.caseId,
    region: l.region,
    respondent: l.respondent,
    answeredOn: danishDate(l.answeredAt as Date),
    answers: [...l.answers].sort((a, b) => a.questionKey.localeCompare(b.questionKey)),
  }));
}

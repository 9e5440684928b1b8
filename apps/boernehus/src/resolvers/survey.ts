import { BOERNEHUS_REGIONS } from "@samraad/access";
import { encodeExtractCursor, extractPage, forbidden } from "@samraad/subgraph-kit";
import { lockCase } from "../data/lookup.ts";
import {
  answersOfRegion,
  claimLink,
  createSurveyLink,
  currentQuestionSet,
  linkByTokenHash,
  linksOfCase,
  questionSetForLink,
  saveAnswers,
  surveyFacts,
  writeQuestionSet,
} from "../data/surveys.ts";
import {
  assertBoernehusLeader,
  assertLinkOpen,
  assertRespondentFits,
  DEFAULT_SURVEY_QUESTIONS,
  isSurveyTokenShape,
  newSurveyToken,
  RESPONDENT_ORDER,
  surveyLinkExpiry,
  surveyLinkUnknown,
  surveyLinkUsed,
  surveyResults,
  surveyTokenHash,
  surveyYear,
  validateAnswers,
  validateQuestions,
} from "../domain/survey.ts";
import type { BoernehusCaseResolvers, IssuedSurveyLinkResolvers, MutationResolvers, QueryResolvers, Region } from "../generated/graphql.ts";

/**
 * The token of a link just issued, beside (not in) the result: an idempotency key stores the
 * result as JSON, and the token must never be stored. A replay's result is a new object, so
 * its token is null (the schema says so): the caller issues a new link.
 */
const issuedTokens = new WeakMap<object, string>();

/** The børnehus region a børnehus principal acts for (its organisation). */
function ownRegion(organisation: string): Region {
  if (!(BOERNEHUS_REGIONS as readonly string[]).includes(organisation)) throw forbidden("Only a børnehus has survey questions.");
  return organisation as Region;
}

export const IssuedSurveyLink: IssuedSurveyLinkResolvers = {
  token: (issued) => issuedTokens.get(issued) ?? null,
};

export const surveyCaseFields: Pick<BoernehusCaseResolvers, "surveyLinks"> = {
  surveyLinks: (course, _args, ctx) => linksOfCase(ctx.db, course.id),
};

export const surveyQueries: Pick<QueryResolvers, "surveyQuestionSets" | "surveyResults" | "surveyForm" | "boernehusSurveyFacts"> = {
  // The statistics extraction (statistics:extract, the statistics service's machine principal only).
  boernehusSurveyFacts: async (_root, args, ctx) => {
    const { afterId, take } = extractPage(args);
    const facts = await surveyFacts(ctx.db, afterId, take);
    const last = facts.at(-1);
    return { facts, endCursor: last ? encodeExtractCursor(last.linkId) : null, hasNextPage: facts.length === take };
  },
  surveyQuestionSets: async (_root, _args, ctx) => {
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
  },
  surveyResults: async (_root, { year }, ctx) => {
    const region = ownRegion(assertBoernehusLeader(ctx.principal, "see the survey results"));
    const { from, to } = surveyYear(year);
    return surveyResults(await answersOfRegion(ctx.db, region, from, to));
  },
  // The respondent's only read: the questions of the token's link. The case id rides along
  // unexposed (no field reads it) so that the audit log records which case's link was opened.
  surveyForm: async (_root, { token }, ctx) => {
    if (!isSurveyTokenShape(token)) throw surveyLinkUnknown();
    const link = await linkByTokenHash(ctx.db, surveyTokenHash(token));
    assertLinkOpen(link, ctx.clock.now());
    return { caseId: link.caseId, respondent: link.respondent, questions: link.questions, expiresAt: link.expiresAt };
  },
};

export const surveyMutations: Pick<MutationResolvers, "issueSurveyLink" | "setSurveyQuestions" | "answerSurvey"> = {
  issueSurveyLink: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
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
      const issued = { caseId: course.id, respondent: link.respondent, expiresAt: link.expiresAt };
      issuedTokens.set(issued, token);
      return issued;
    }),

  setSurveyQuestions: async (_root, { input }, ctx) => {
    const region = ownRegion(assertBoernehusLeader(ctx.principal, "change the survey questions"));
    const questions = validateQuestions(input.questions);
    return ctx.db.$transaction(async (tx) => {
      const set = await writeQuestionSet(tx, region, input.respondent, questions, { now: ctx.clock.now(), by: ctx.principal.sub });
      return { respondent: set.respondent, version: set.version, questions: set.questions, changedAt: set.createdAt };
    });
  },

  answerSurvey: async (_root, { input }, ctx) => {
    if (!isSurveyTokenShape(input.token)) throw surveyLinkUnknown();
    const tokenHash = surveyTokenHash(input.token);
    return ctx.db.$transaction(async (tx) => {
      const now = ctx.clock.now();
      const link = await linkByTokenHash(tx, tokenHash);
      assertLinkOpen(link, now);
      const answers = validateAnswers(input.answers, link.questions);
      if (!(await claimLink(tx, link.id, now))) throw surveyLinkUsed();
      await saveAnswers(tx, link.id, answers);
      // The case id only for the audit log's record (SurveyReceipt exposes `accepted` alone).
      return { accepted: true, caseId: link.caseId };
    });
  },
};

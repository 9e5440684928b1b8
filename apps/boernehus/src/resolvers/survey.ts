import { encodeExtractCursor, extractPage } from "@samraad/subgraph-kit";
import { linksOfCase, surveyFacts } from "../data/surveys.ts";
import {
  answerSurvey,
  issueSurveyLink,
  setSurveyQuestions,
  surveyForm,
  surveyQuestionSets,
  surveyResultsOfYear,
} from "../domain/survey.ts";
import type { BoernehusCaseResolvers, IssuedSurveyLinkResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

/**
 * The token of a link just issued, beside (not in) the result: an idempotency key stores the
 * result as JSON, and the token must never be stored. A replay's result is a new object, so
 * its token is null (the schema says so): the caller issues a new link.
 */
const issuedTokens = new WeakMap<object, string>();

export const IssuedSurveyLink: IssuedSurveyLinkResolvers = {
  token: (issued) => issuedTokens.get(issued) ?? null,
};

export const surveyCaseFields: Pick<BoernehusCaseResolvers, "surveyLinks"> = {
  surveyLinks: (course, _args, ctx) => linksOfCase(ctx.db, course.id),
};

export const surveyQueries: Pick<QueryResolvers, "surveyQuestionSets" | "surveyResults" | "surveyForm" | "boernehusSurveyFacts"> = {
  // The statistics extraction (statistics:extract, the statistics service's machine principal only).
  boernehusSurveyFacts: async (_root, args, ctx) => {
    const { afterId, take } = extractPage(ctx.pseudonymKey, args);
    const facts = await surveyFacts(ctx.db, afterId, take);
    const last = facts.at(-1);
    return { facts, endCursor: last ? encodeExtractCursor(ctx.pseudonymKey, last.linkId) : null, hasNextPage: facts.length === take };
  },
  surveyQuestionSets: (_root, _args, ctx) => surveyQuestionSets(ctx),
  surveyResults: (_root, { year }, ctx) => surveyResultsOfYear(ctx, year),
  surveyForm: (_root, { token }, ctx) => surveyForm(ctx, token),
};

export const surveyMutations: Pick<MutationResolvers, "issueSurveyLink" | "setSurveyQuestions" | "answerSurvey"> = {
  issueSurveyLink: async (_root, { input }, ctx) => {
    const { issued, token } = await issueSurveyLink(ctx, input);
    issuedTokens.set(issued, token);
    return issued;
  },
  setSurveyQuestions: (_root, { input }, ctx) => setSurveyQuestions(ctx, input),
  answerSurvey: (_root, { input }, ctx) => answerSurvey(ctx, input),
};

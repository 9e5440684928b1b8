import { graphql } from "../../generated/gql.ts";

// The respondent's two operations. No fragments and no aliases: the gateway lets a request
// without a token in only for exactly these root fields (apps/gateway/src/identity/surveyRespondent.ts).
export const SurveyFormDocument = graphql(`
  query SurveyForm($token: String!) {
    surveyForm(token: $token) { respondent expiresAt questions { key text } }
  }
`);

export const AnswerSurveyDocument = graphql(`
  mutation AnswerSurvey($input: AnswerSurveyInput!, $idempotencyKey: String) {
    answerSurvey(input: $input, idempotencyKey: $idempotencyKey) { accepted }
  }
`);

// The børnehus's side: the case's links, issuing one, and the leader's aggregates and questions.
export const CaseSurveyLinksDocument = graphql(`
  query CaseSurveyLinks($id: ID!) {
    boernehusCase(id: $id) { id surveyLinks { id respondent issuedAt expiresAt answeredAt } }
  }
`);

export const IssueSurveyLinkDocument = graphql(`
  mutation IssueSurveyLink($input: IssueSurveyLinkInput!, $idempotencyKey: String) {
    issueSurveyLink(input: $input, idempotencyKey: $idempotencyKey) { token respondent expiresAt }
  }
`);

export const SurveyResultsDocument = graphql(`
  query SurveyResults($year: Int!) {
    surveyResults(year: $year) { respondent questionKey questionText answers agreeShare withheld }
  }
`);

/** A respondent's question set as the leader reads and changes it. */
export const SurveyQuestionSetFieldsFragmentDoc = graphql(`
  fragment SurveyQuestionSetFields on SurveyQuestionSet { respondent version changedAt questions { key text } }
`);

export const SurveyQuestionSetsDocument = graphql(`
  query SurveyQuestionSets { surveyQuestionSets { ...SurveyQuestionSetFields } }
`);

export const SetSurveyQuestionsDocument = graphql(`
  mutation SetSurveyQuestions($input: SetSurveyQuestionsInput!, $idempotencyKey: String) {
    setSurveyQuestions(input: $input, idempotencyKey: $idempotencyKey) { ...SurveyQuestionSetFields }
  }
`);

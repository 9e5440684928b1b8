import { describe, expect, it } from "vitest";
import { principalFromClaims } from "../src/identity/claims.ts";
import { isSurveyOnlyDocument, SURVEY_RESPONDENT_USER, surveyOperationOf } from "../src/identity/surveyRespondent.ts";

// The gateway's one way in without a token (docs/surveys.md): exactly one survey operation, small.
const post = (body: unknown) =>
  new Request("http://gateway/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the survey respondent", () => {
  it("holds survey:respond and nothing else", () => {
    expect(SURVEY_RESPONDENT_USER.scopes).toEqual(["survey:respond"]);
  });

  it("cannot be claimed by a token", () => {
    expect(principalFromClaims({ sub: "x", name: "X", sector: "NATIONAL", organisation: "PUBLIC", roles: ["respondent"] })).toBeNull();
  });

  it("is only for a document of the two survey fields: no other field, alias, fragment, second operation or subscription", () => {
    expect(isSurveyOnlyDocument("query($t: String!) { surveyForm(token: $t) { respondent } }")).toBe(true);
    expect(isSurveyOnlyDocument("mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { accepted } __typename }")).toBe(true);
    for (const text of [
      "query { boernehusCases { id } }",
      "query($t: String!) { surveyForm(token: $t) { respondent } boernehusCases { id } }",
      "query($t: String!) { x: surveyForm(token: $t) { respondent } }",
      "query { ...F } fragment F on Query { __typename }",
      "query { __typename }",
      'query { ... on Query { surveyForm(token: "a") { respondent } } }',
      "query A { __typename } query B { __typename }",
      "subscription { __typename }",
      "not graphql",
    ]) {
      expect(isSurveyOnlyDocument(text), text).toBe(false);
    }
  });

  it("needs a POST of a small body; a registered hash only when it is a survey operation's", async () => {
    const text = "query($t: String!) { surveyForm(token: $t) { respondent } }";
    expect(await surveyOperationOf(post({ query: text, variables: { t: "x" } }))).toBe(text);
    expect(await surveyOperationOf(post({ query: text, variables: { pad: "x".repeat(9000) } }))).toBeNull();
    expect(await surveyOperationOf(new Request("http://gateway/graphql?query=x"))).toBeNull();
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(text).digest("hex");
    const other = "query { boernehusCases { id } }";
    const otherHash = createHash("sha256").update(other).digest("hex");
    const documents = { [hash]: text, [otherHash]: other };
    expect(await surveyOperationOf(post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }), documents)).toBe(text);
    expect(await surveyOperationOf(post({ extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } } }), documents)).toBeNull();
    // A hash sent with another text: not trusted.
    expect(
      await surveyOperationOf(post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } } })),
    ).toBeNull();
  });
});

import { createHash } from "node:crypto";
import { SURVEY_RESPONDENT, scopesFor } from "@samraad/access";
import { Kind, type OperationDefinitionNode, parse } from "graphql";
import type { TrustedDocuments } from "../hardening/trustedDocuments.ts";
import type { AuthenticatedUser } from "../upstream/signUpstream.ts";

/**
 * The one way in without a bearer token: answering an outcome survey through its link
 * (docs/surveys.md). A request with no token becomes the survey respondent only when its
 * body is small and holds exactly one operation whose root fields are `surveyForm` or
 * `answerSurvey` (and `__typename`), no fragments: everything else stays 401, as before.
 * The respondent's one scope, survey:respond, opens those two fields and nothing else (the
 * field rules would null any other field), and the børnehus answers them only for a valid,
 * open token, with nothing about the case. Respondents are counted per address, then in one
 * budget they share (one principal; hardening/rateLimit.ts): a cap on unauthenticated work, not a
 * defence of the token, which is 256 random bits.
 */
export const SURVEY_ROOT_FIELDS: ReadonlySet<string> = new Set(["surveyForm", "answerSurvey", "__typename"]);
/** A survey answer is a token and at most 15 small answers: far below the general request limit. */
export const MAX_RESPONDENT_BODY_BYTES = 8 * 1024;

export const SURVEY_RESPONDENT_USER: AuthenticatedUser = Object.freeze({
  principal: SURVEY_RESPONDENT,
  scopes: scopesFor(SURVEY_RESPONDENT),
});

/** Whether a GraphQL document is one survey operation and nothing more. */
export function isSurveyOnlyDocument(text: string): boolean {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(text, { maxTokens: 500 });
  } catch {
    return false;
  }
  if (document.definitions.length !== 1) return false;
  const [operation] = document.definitions as [OperationDefinitionNode];
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation === "subscription") return false;
  const fields = operation.selectionSet.selections;
  const allowed = fields.every((s) => s.kind === Kind.FIELD && SURVEY_ROOT_FIELDS.has(s.name.value) && !s.alias);
  // At least one survey field: `{ __typename }` alone is no survey, and stays 401.
  return allowed && fields.some((s) => s.kind === Kind.FIELD && s.name.value !== "__typename");
}

type RequestParams = { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };

/**
 * The document of a token-less request, if it is a survey operation: sent as text, or (from
 * the web app) as a registered operation's hash. The body is read as the door parsed it
 * (hardening/jsonBody.ts), else from a clone, so the runtime still reads the body itself.
 */
export async function surveyOperationOf(request: Request, documents?: TrustedDocuments): Promise<string | null> {
  if (request.method !== "POST") return null;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_RESPONDENT_BODY_BYTES) return null;
  const params = await paramsOf(request);
  if (params === null) return null;
  const hash = params?.extensions?.persistedQuery?.sha256Hash;
  let text: string | null = null;
  if (typeof params?.query === "string") text = params.query;
  else if (typeof hash === "string" && documents && Object.hasOwn(documents, hash)) text = documents[hash] ?? null;
  if (text === null) return null;
  // A hash sent together with a text must be that text's (as Apollo's APQ format has it).
  if (typeof hash === "string" && createHash("sha256").update(text).digest("hex") !== hash) return null;
  return isSurveyOnlyDocument(text) ? text : null;
}

/** A POST without a body stream is one the door parsed: its json() hands back that object, unconsumed. */
async function paramsOf(request: Request): Promise<RequestParams | null> {
  try {
    if (request.body === null) return (await request.json()) as RequestParams;
    const body = await request.clone().text();
    if (Buffer.byteLength(body) > MAX_RESPONDENT_BODY_BYTES) return null;
    return JSON.parse(body) as RequestParams;
  } catch {
    return null;
  }
}

import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { scopesFor } from "@samraad/access";
import type { TrustedDocuments } from "../hardening/trustedDocuments.ts";
import type { AuthenticatedUser } from "../upstream/signUpstream.ts";
import { SURVEY_RESPONDENT_USER, surveyOperationOf } from "./surveyRespondent.ts";
import type { TokenVerifier } from "./verifier.ts";

function bearer(request: Request): string | null {
  const match = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

const unauthenticated = (message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] }), {
    status: 401,
    headers: { "content-type": "application/json; charset=utf-8", "www-authenticate": 'Bearer realm="samraad"' },
  });

/**
 * Default deny at the door: a GraphQL request without a valid bearer token from a
 * trusted issuer gets 401 before anything is parsed. The verified principal and its
 * scopes are kept for generic-auth (field rules) and for signing upstream calls.
 * The one exception: a small request holding only a survey operation (surveyForm,
 * answerSurvey) is let in as the survey respondent, whose one scope opens those two fields
 * and nothing else (surveyRespondent.ts, docs/surveys.md).
 */
export function useAuthentication(
  verifyToken: TokenVerifier,
  users: WeakMap<Request, AuthenticatedUser>,
  trustedDocuments?: TrustedDocuments,
): GatewayPlugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== "/graphql") return;
      const token = bearer(request);
      if (!token) {
        if (await surveyOperationOf(request, trustedDocuments)) return void users.set(request, SURVEY_RESPONDENT_USER);
        return endResponse(unauthenticated("Sign in: send a bearer token from a trusted identity provider."));
      }
      const principal = await verifyToken(token);
      if (!principal) return endResponse(unauthenticated("The bearer token is invalid, expired or from an issuer we do not trust."));
      users.set(request, { principal, scopes: scopesFor(principal) });
    },
  };
}

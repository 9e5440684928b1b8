import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createGraphQLError } from "@graphql-tools/utils";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";

/** Extensions that may only ever help an attacker: stack traces, wrapped originals. */
const INTERNAL_EXTENSIONS = ["originalError", "stacktrace", "exception", "unexpected"];

// "Did you mean "caseNumber"?", "Did you mean the enum value "OPEN"?": both name parts of
// the schema the client did not ask about.
const SUGGESTION = /\s*Did you mean[^?]*\?/g;

/** The code a client can act on, for errors graphql-js and Yoga make without one. */
function codeFor(error: GraphQLError): string {
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (error.message.startsWith("Syntax Error")) return "GRAPHQL_PARSE_FAILED";
  if (error.message.startsWith("Variable ")) return "BAD_USER_INPUT";
  if (status === 403) return "FORBIDDEN";
  if (status && status >= 400 && status < 500) return "BAD_REQUEST";
  if (!error.path) return "GRAPHQL_VALIDATION_FAILED";
  return "INTERNAL_SERVER_ERROR";
}

function safe(error: GraphQLError): GraphQLError {
  const extensions: Record<string, unknown> = { ...error.extensions };
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  extensions.code ??= codeFor(error);
  return createGraphQLError(error.message.replace(SUGGESTION, "").trim(), {
    nodes: error.nodes,
    path: error.path,
    extensions,
  });
}

type Result = { errors?: readonly GraphQLError[] } & Record<string, unknown>;

function safeResult<T extends Result>(result: T): T {
  if (!result?.errors?.length) return result;
  return { ...result, errors: result.errors.map(safe) };
}

/**
 * The last word on every error that leaves the gateway: no stack trace or wrapped
 * original error (even with NODE_ENV=development), no field suggestions, and always
 * an `extensions.code`. Yoga's masking already hides unexpected errors' messages;
 * this covers what it lets through.
 */
export function useSafeErrors(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map((r) => safeResult(r as Result)));
      else if (result && typeof result === "object" && !(Symbol.asyncIterator in result)) setResult(safeResult(result as Result));
    },
  };
}

/** Introspection off (production): __schema and __type are refused with a clear code; __typename stays. */
export const noIntrospectionRule: ValidationRule = (context: ValidationContext) => ({
  Field(node) {
    if (node.name.value !== "__schema" && node.name.value !== "__type") return;
    context.reportError(
      createGraphQLError("Introspection is switched off here. The schema is documented in docs/access.md and docs/api.md.", {
        nodes: [node],
        extensions: { code: "INTROSPECTION_DISABLED" },
      }),
    );
  },
});

export function useNoIntrospection(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noIntrospectionRule);
    },
  };
}

/** Refusals Yoga answers with an empty body, and the code and words we give them instead. */
const BODILESS: Record<number, { code: string; message: string }> = {
  404: { code: "NOT_FOUND", message: "Only /graphql, /healthz and /readyz exist here." },
  405: { code: "METHOD_NOT_ALLOWED", message: "Send GraphQL requests as POST (or queries as GET)." },
  406: { code: "NOT_ACCEPTABLE", message: "Accept application/json or application/graphql-response+json." },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as application/json." },
};

/**
 * Every refusal carries a JSON body with `extensions.code`: Yoga answers an unsupported
 * content type (415) or an Accept it cannot serve (406) with an empty body, which a
 * client cannot tell from a proxy's failure.
 */
export function useCodedRefusals(): GatewayPlugin {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      const refusal = BODILESS[response.status];
      if (!refusal || response.headers.get("content-type")?.includes("json")) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set("content-type", "application/json; charset=utf-8");
      headers.delete("content-length");
      const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
      setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
    },
  };
}

import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { createLogger, errorForLog } from "@samraad/observability";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

/**
 * The error codes a client can act on. Every error that leaves a subgraph carries
 * one of these in `extensions.code`, and a message a person can act on.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  INVALID_STATE_TRANSITION: "INVALID_STATE_TRANSITION",
  /** A stale version: someone else changed the record since you read it. */
  CONFLICT: "CONFLICT",
  /** An idempotency key used again for the same operation with different input. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** A referral that does not meet the three criteria for the børnehus. */
  CRITERIA_NOT_MET: "CRITERIA_NOT_MET",
  /** A custody holder objects to the video interview. */
  CUSTODY_OBJECTION: "CUSTODY_OBJECTION",
  /**
   * A signed statement of another sector (the municipality's referral or custody statement,
   * the børnehus's receipt) is missing, expired, or not for this record: fetch it again.
   */
  STATEMENT_INVALID: "STATEMENT_INVALID",
  /** An outcome survey link that does not exist (or is mistyped), was answered already, or has expired. */
  SURVEY_LINK_UNKNOWN: "SURVEY_LINK_UNKNOWN",
  SURVEY_LINK_USED: "SURVEY_LINK_USED",
  SURVEY_LINK_EXPIRED: "SURVEY_LINK_EXPIRED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (message: string, field?: string) => new DomainError("BAD_USER_INPUT", message, field ? { field } : undefined);
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
export const invalidTransition = (message: string) => new DomainError("INVALID_STATE_TRANSITION", message);
export const conflict = (message: string) => new DomainError("CONFLICT", message);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);

/** Maps Prisma's known request errors to domain errors; anything else stays internal. */
export function fromPrismaError(error: unknown): DomainError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== "string" || !/^P\d{4}$/.test(code)) return null;
  switch (code) {
    case "P2002":
      return conflict("A record with the same unique value already exists.");
    case "P2025":
      return notFound("The record");
    case "P2003":
      return badInput("The input refers to a record that does not exist.");
    default:
      return null;
  }
}

const logger = createLogger("subgraph");

const originalOf = (error: unknown): unknown => (error as { originalError?: unknown })?.originalError ?? error;

// Apollo's formatError gets no request context, so each error's request id is noted here first.
// Not an AsyncLocalStorage scope: on Node 20 that puts a hook on every promise; without it the
// subgraphs' CPU per 500-case list fell by about a fifth (docs/performance.md).
const requestIdOfError = new WeakMap<object, string>();

/** Notes the request id of every error a request meets, before formatError formats it. */
export function errorRequestIds(): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const requestId = contextValue?.requestId;
          if (!requestId) return;
          for (const error of errors) {
            const original = originalOf(error);
            if (typeof original === "object" && original !== null) requestIdOfError.set(original, requestId);
          }
        },
      };
    },
  };
}

/**
 * Apollo's formatError: known errors pass with their code; anything unexpected is
 * logged server-side with a reference and replaced, so no stack trace, SQL or
 * schema detail ever reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof DomainError) return stripped(formatted);
  const prisma = fromPrismaError(original);
  if (prisma) return { message: prisma.message, path: formatted.path, extensions: { code: prisma.extensions.code } };
  const code = formatted.extensions?.code;
  // Apollo's own request errors (parse, validation, bad variables) are safe and actionable.
  if (
    typeof code === "string" &&
    [
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "BAD_USER_INPUT",
      "BAD_REQUEST",
      "PERSISTED_QUERY_NOT_FOUND",
      "OPERATION_RESOLUTION_FAILURE",
    ].includes(code)
  ) {
    return stripped(formatted);
  }
  const reference = randomUUID();
  // The reference ties the client's message to this line; the error's own message is
  // not logged (it can quote input: names, CPR numbers), its class and stack frames are.
  const requestId = typeof original === "object" && original !== null ? requestIdOfError.get(original) : undefined;
  logger.error({ requestId, reference, path: formatted.path, error: errorForLog(original) }, "unexpected error");
  return {
    message: `Something went wrong on our side. Reference: ${reference}.`,
    path: formatted.path,
    extensions: { code: ERROR_CODES.INTERNAL_SERVER_ERROR, reference },
  };
}

function stripped(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

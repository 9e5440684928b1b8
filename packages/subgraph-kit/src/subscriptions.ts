import type http from "node:http";
import { createRequire } from "node:module";
import type { ExecutionResult, GraphQLFormattedError, GraphQLSchema } from "graphql";
import * as graphqlEsm from "graphql";
import { formatError } from "./errors.ts";

/**
 * GraphQL subscriptions of a subgraph over Server-Sent Events, as the Hive Gateway's HTTP
 * transport asks for them (docs/live.md): a signed POST with `Accept: text/event-stream`,
 * answered with `event: next` messages and a final `event: complete` (the graphql-sse
 * "distinct connections" mode, which @graphql-tools/executor-http reads). Apollo Server
 * answers only queries and mutations over HTTP, so subscription operations are executed
 * here with graphql-js's own subscribe() on the same guarded schema.
 */
export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** The cheap test, before any parsing: an operation whose text starts with `subscription`. */
export function isSubscriptionRequest(body: GraphQLRequestBody, accept: string | undefined): boolean {
  return typeof body.query === "string" && /^\s*subscription\b/.test(body.query) && (accept ?? "").includes("text/event-stream");
}

/**
 * @apollo/subgraph loads graphql's CommonJS build, our modules its ES build: two copies,
 * whose instanceof checks refuse each other's types. Execute with the copy that built the schema.
 */
function graphqlFor(schema: GraphQLSchema): typeof graphqlEsm {
  if (schema instanceof graphqlEsm.GraphQLSchema) return graphqlEsm;
  return createRequire(import.meta.url)("graphql") as typeof graphqlEsm;
}

function formatted(errors: readonly graphqlEsm.GraphQLError[] | undefined): GraphQLFormattedError[] | undefined {
  return errors?.map((error) => formatError(error.toJSON(), error));
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

export interface SubscriptionRequest {
  schema: GraphQLSchema;
  body: GraphQLRequestBody;
  /** The request context; its `signal` aborts when the client goes or the server stops. */
  context: Record<string, unknown> & { signal: AbortSignal };
  /** After the subscription's access checks ran (the audit entry): a failure refuses it. */
  started(): Promise<void>;
  /** A heartbeat comment this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

export async function serveSubscription(res: http.ServerResponse, request: SubscriptionRequest): Promise<void> {
  const g = graphqlFor(request.schema);
  let document: graphqlEsm.DocumentNode;
  try {
    document = g.parse(String(request.body.query));
  } catch (error) {
    return json(res, 400, { errors: [{ message: (error as Error).message, extensions: { code: "GRAPHQL_PARSE_FAILED" } }] });
  }
  const invalid = g.validate(request.schema, document);
  if (invalid.length > 0) {
    return json(res, 400, { errors: invalid.map((e) => ({ message: e.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) });
  }
  const variables = typeof request.body.variables === "object" && request.body.variables !== null ? request.body.variables : {};
  const result = await g.subscribe({
    schema: request.schema,
    document,
    variableValues: variables as Record<string, unknown>,
    operationName: typeof request.body.operationName === "string" ? request.body.operationName : undefined,
    contextValue: request.context,
  });
  await request.started();
  if (!(Symbol.asyncIterator in result)) {
    // Refused before it began (NOT_FOUND, FORBIDDEN, bad input): one ordinary GraphQL answer.
    return json(res, 200, { data: result.data ?? null, errors: formatted(result.errors) });
  }
  const stream = result as AsyncGenerator<ExecutionResult>;
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
  res.flushHeaders();
  const heartbeat = setInterval(() => res.write(":\n\n"), request.heartbeatMs ?? 15_000);
  try {
    for await (const next of stream) {
      const errors = formatted(next.errors);
      res.write(`event: next\ndata: ${JSON.stringify({ data: next.data ?? null, ...(errors ? { errors } : {}) })}\n\n`);
    }
    if (!res.destroyed) res.end("event: complete\ndata:\n\n");
  } finally {
    clearInterval(heartbeat);
  }
}

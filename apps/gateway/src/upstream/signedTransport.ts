import type { Transport, TransportGetSubgraphExecutorOptions } from "@graphql-mesh/transport-common";
import httpTransport from "@graphql-mesh/transport-http";
import { serializeExecutionRequest } from "@graphql-tools/executor-common";
import { createGraphQLError, type ExecutionRequest, type ExecutionResult, getOperationASTFromRequest } from "@graphql-tools/utils";
import { type Dispatcher, Pool } from "undici";
import type { UpstreamSigner } from "./signUpstream.ts";

/**
 * The gateway's HTTP transport to the subgraphs for queries and mutations: one POST of the
 * signed bytes over a kept-alive connection, the answer parsed as JSON.
 *
 * The connections are undici's (Node's own HTTP client, as a package for its dispatcher API):
 * a request dispatched to a Pool with callbacks for the status, the chunks and the end costs
 * about 30 µs of CPU where node:http's ClientRequest and IncomingMessage streams cost 50-55 µs
 * (`bench/src/upstreamClientCost.ts`; five such calls make a case view).
 *
 * Why not Hive's own transport (@graphql-mesh/transport-http) for these: per subgraph request
 * it builds a WHATWG Request and Response around node:http, searches every variable for file
 * uploads by deep-copying them (500 representations in a list), combines three abort signals
 * and copies the headers twice through our signing hook. We upload no files and sign every
 * body ourselves, so none of that is needed; docs/performance.md has the measurements.
 *
 * The upstream timeout is kept here too, as one timer per call: Hive's (useUpstreamTimeout)
 * makes an AbortSignal.timeout, combines it with the request's signal and races a promise
 * per subgraph request, about 2% of the gateway's CPU per case view. It answers the same
 * GATEWAY_TIMEOUT (HTTP 504) Hive's does.
 *
 * What stays Hive's: subscriptions (an SSE stream, handed to Hive's transport, signed by
 * useSignedUpstream, with no timeout: a live page lasts as long as it is open), the request
 * deadline (it aborts `request.signal`, which ends the socket here), and the meaning of a
 * failed call (the same error codes executor-http gives, so useSubgraphUnavailable tells the
 * client which sector is missing).
 */
export function signedHttpTransport(sign: UpstreamSigner, timeoutMs: number): Transport {
  return {
    getSubgraphExecutor(payload: TransportGetSubgraphExecutorOptions) {
      const streams = httpTransport.getSubgraphExecutor(payload);
      const endpoint = new URL(payload.transportEntry.location ?? "");
      const path = `${endpoint.pathname}${endpoint.search}`;
      const audience = payload.subgraphName;
      // One pool of kept-alive connections per subgraph. An idle one is closed after 30 s (whatever
      // the subgraph's keep-alive hint), before the subgraph (65 s) or HAProxy in front of replicas
      // (60 s) would close it under a request.
      const pool = new Pool(endpoint.origin, { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 30_000 });
      const executor = (request: ExecutionRequest) => {
        if (getOperationASTFromRequest(request).operation === "subscription") return streams(request);
        const body = Buffer.from(JSON.stringify(serializeExecutionRequest({ executionRequest: request })));
        const signing = sign(request.context, audience, body);
        if (!signing) return refusedLocally();
        return signing.then((headers) => post(pool, path, body, headers, request.signal ?? request.info?.signal, timeoutMs));
      };
      return Object.assign(executor, {
        [Symbol.asyncDispose]: async () => {
          await pool.destroy();
          await (streams as Partial<AsyncDisposable>)[Symbol.asyncDispose]?.();
        },
      });
    },
  };
}

/** No principal on the request (cannot happen behind useAuthentication): nothing is sent. */
function refusedLocally(): ExecutionResult {
  return { errors: [createGraphQLError("The request has no authenticated principal.", { extensions: { code: "UNAUTHENTICATED" } })] };
}

/** What executor-http puts on a failed call's error (read by useSubgraphUnavailable, never shown to a client). */
interface Upstream {
  request: { method: string };
  response?: { status?: number; statusText?: string };
  code?: string;
}

function post(
  pool: Pool,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<ExecutionResult> {
  return new Promise((resolve) => {
    const upstream: Upstream = { request: { method: "POST" } };
    const chunks: Buffer[] = [];
    let controller: Dispatcher.DispatchController | undefined;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const done = (result: ExecutionResult) => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      resolve(result);
    };
    const fail = (error: Error) => {
      if (settled) return;
      upstream.code = "SUBREQUEST_HTTP_ERROR";
      if (timedOut) {
        const timeout = new DOMException(`The subgraph did not answer within ${timeoutMs} ms`, "TimeoutError");
        const extensions = { ...upstream, code: "GATEWAY_TIMEOUT", http: { status: 504 } };
        return done({ errors: [createGraphQLError("The subgraph did not answer in time", { extensions, originalError: timeout })] });
      }
      const deadline = signal?.aborted && (signal.reason as Error | undefined)?.name === "TimeoutError";
      const message = deadline
        ? "The subgraph did not answer in time"
        : `The subgraph call failed (${(error as NodeJS.ErrnoException).code ?? error.name})`;
      done({
        errors: [createGraphQLError(message, { extensions: upstream, originalError: deadline ? (signal?.reason as Error) : error })],
      });
    };
    // Answered at once, whether or not the request has reached a socket yet (a connection still
    // being made); a request that starts later is stopped in onRequestStart, and its late
    // callbacks settle nothing more.
    const stop = (reason: Error) => {
      controller?.abort(reason);
      fail(reason);
    };
    const abort = () => stop((signal?.reason as Error | undefined) ?? new Error("aborted"));
    if (signal?.aborted) return fail(signal.reason as Error);
    timer = setTimeout(() => {
      timedOut = true; // fail() answers GATEWAY_TIMEOUT
      stop(new Error("timed out"));
    }, timeoutMs);
    signal?.addEventListener("abort", abort, { once: true });
    pool.dispatch(
      {
        path,
        method: "POST",
        body,
        headers: { accept: "application/graphql-response+json, application/json", "content-type": "application/json", ...headers },
      },
      {
        onRequestStart(started) {
          controller = started;
          if (settled) started.abort(new Error("answered already: timed out or aborted"));
        },
        onResponseStart(_controller, statusCode, _headers, statusMessage) {
          upstream.response = { status: statusCode, statusText: statusMessage ?? "" };
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          if (!settled) done(parseAnswer(Buffer.concat(chunks).toString("utf8"), upstream));
        },
        onResponseError(_controller, error) {
          fail(error);
        },
      },
    );
  });
}

/**
 * GraphQL errors become GraphQLErrors, as executor-http makes them. An answer that is not
 * GraphQL (a proxy's 502 page, an empty body) is a failed call like a refused connection:
 * useSubgraphUnavailable then tells the client which sector is missing, where executor-http's
 * RESPONSE_VALIDATION_FAILED reached the client as an internal error.
 */
function parseAnswer(text: string, upstream: Upstream): ExecutionResult {
  const notGraphQL = (originalError?: Error): ExecutionResult => {
    upstream.code = "SUBREQUEST_HTTP_ERROR";
    return {
      errors: [
        createGraphQLError(`The subgraph answered HTTP ${upstream.response?.status} without a GraphQL result`, {
          extensions: upstream,
          originalError,
        }),
      ],
    };
  };
  let parsed: ExecutionResult;
  try {
    parsed = JSON.parse(text) as ExecutionResult;
  } catch (error) {
    return notGraphQL(error as Error);
  }
  if (parsed === null || typeof parsed !== "object" || (parsed.data == null && !parsed.errors?.length)) return notGraphQL();
  if (Array.isArray(parsed.errors)) {
    return { ...parsed, errors: parsed.errors.map(({ message, ...rest }) => createGraphQLError(message, rest)) };
  }
  return parsed;
}

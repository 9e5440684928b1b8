import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import {
  INTERNAL_TOKEN_HEADER,
  type InternalClaims,
  InternalTokenError,
  grantKeys as importGrantKeys,
  internalVerifyKeys,
  verifyInternalToken,
} from "@samraad/access";
import type { AuditLog } from "@samraad/audit";
import type { TimeSource } from "@samraad/clocks";
import {
  createLogger,
  DEFAULT_HOST,
  errorForLog,
  type ListenAddress,
  REQUEST_ID_HEADER,
  requestIdFrom,
  type Span,
  serviceUrl,
  withServerSpan,
} from "@samraad/observability";
import { parse } from "graphql";
import { AuditRecorder } from "./auditRecorder.ts";
import type { SubgraphConfig } from "./config.ts";
import type { BaseContext } from "./context.ts";
import { errorRequestIds, formatError } from "./errors.ts";
import { guardFields } from "./fieldGuard.ts";
import type { SqlClient } from "./idempotency.ts";
import type { ReplayGuard } from "./replayGuard.ts";
import { readSubgraphSdl } from "./sharedSchema.ts";
import { type GraphQLRequestBody, isSubscriptionRequest, serveSubscription } from "./subscriptions.ts";
import { transactionalMutations, type WriteTransaction } from "./writeTransaction.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface SubgraphOptions<TContext extends BaseContext> {
  /** "municipality" | "police" | "health" | "boernehus": also the audience of its internal tokens. */
  name: string;
  schemaPath: string;
  // biome-ignore lint/suspicious/noExplicitAny: resolver maps are typed per subgraph
  resolvers: GraphQLResolverMap<any>;
  /** Builds the per-request context (data layer, loaders) from the verified claims. */
  createContext(
    claims: InternalClaims,
  ): Omit<TContext, "audit" | "grantKeys" | "auditLog"> | Promise<Omit<TContext, "audit" | "grantKeys" | "auditLog">>;
  /** Where every access to personal data is recorded. */
  auditLog: AuditLog;
  /** When the audit log says it happened: the service's one clock. */
  clock: TimeSource;
  /** Its keys and whether it runs in production, parsed at start-up. */
  config: SubgraphConfig;
  /**
   * Single use of internal tokens: shared by every replica of the subgraph (its database,
   * DatabaseReplayGuard), so a request replayed to another replica is refused too.
   */
  replayGuard: ReplayGuard;
  /** Is the database answering? Used by /readyz. */
  ready(): Promise<boolean>;
  /**
   * Runs `work` in one transaction with the request context rebuilt on it: every
   * mutation runs inside one (see writeTransaction.ts).
   */
  transaction<T>(
    claims: InternalClaims,
    work: (context: Omit<TContext, "audit" | "grantKeys" | "auditLog">, sql: SqlClient) => Promise<T>,
  ): Promise<T>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function jsonResponse(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A federation subgraph behind plain node:http. Why not Apollo's standalone server:
 * the gateway signs the exact request bytes, so we must read the raw body before any
 * JSON parsing to verify it, and we want /healthz and /readyz beside /graphql.
 */
export async function startSubgraph<TContext extends BaseContext>(
  options: SubgraphOptions<TContext>,
  address: Partial<ListenAddress> = {},
): Promise<RunningSubgraph> {
  const { host = DEFAULT_HOST, port = 0 } = address;
  const typeDefs = parse(readSubgraphSdl(options.schemaPath));
  // The field guard outside the transaction: a refused mutation never opens one, and a
  // replayed one (idempotency key) is still checked and audited.
  const schema = guardFields(transactionalMutations(buildSubgraphSchema([{ typeDefs, resolvers: options.resolvers }])));
  const production = options.config.production;
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    csrfPrevention: true,
    // Shutdown is ours (serveUntilSignal): Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    // Inline traces would send timing and error details to the gateway: not wanted. Cache
    // hints are for HTTP caches, and no answer of ours may be cached (personal data); Apollo's
    // cache-control plugin, on by default, also wraps every resolver to compute them per field
    // (issue 24: a per-field cost in every list).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), errorRequestIds()],
  });
  await apollo.start();
  const replay = options.replayGuard;
  const grantKeys = await importGrantKeys(options.config.grantPublicKey, options.config.grantPrivateKey);
  // The gateway's public key(s) only: a subgraph can verify internal tokens, never sign one.
  const internalKeys = await internalVerifyKeys(options.config.internalPublicKeys.join("\n"));
  let draining = false;
  // Open subscription streams: ended when the server stops (they would hold server.close() open).
  const subscriptions = new Set<AbortController>();
  const logger = createLogger(options.name);

  // Each request in a span that continues the gateway's trace (traceparent); no-op without tracing.
  const server = http.createServer((req, res) => {
    // Draining: server.close() refuses new connections, but a keep-alive connection that was
    // busy when it closed the idle ones would carry new requests on. Those are refused as a new
    // connection is: closed, so the caller (the gateway) tries another replica.
    if (draining) {
      req.socket.destroy();
      return;
    }
    return withServerSpan(`subgraph ${options.name}`, req.headers, { "samraad.subgraph": options.name }, (span) =>
      handle(req, res, span).finally(() => {
        span.setAttribute("http.status_code", res.statusCode);
        span.setAttribute("http.route", (req.url ?? "/").split("?")[0] ?? "/");
      }),
    );
  });
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, span: Span) => {
    // The gateway's request id: from the signed token once verified, else the header (checked).
    let requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER] as string | undefined);
    let principal: { sector: string; roles: readonly string[] } | undefined;
    const started = performance.now();
    res.on("finish", () => {
      const path = (req.url ?? "/").split("?")[0];
      // One line per request: ids, status, time and the caller's sector and roles; never names or variables.
      logger[path === "/healthz" || path === "/readyz" ? "debug" : "info"](
        { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started), ...principal },
        "request",
      );
    });
    try {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method === "GET" && path === "/healthz") return jsonResponse(res, 200, { status: "ok" });
      if (req.method === "GET" && path === "/readyz") {
        const ok = !draining && (await options.ready().catch(() => false));
        return jsonResponse(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready" });
      }
      if (path !== "/graphql") return jsonResponse(res, 404, errorBody("NOT_FOUND", "Only /graphql, /healthz and /readyz exist here."));
      if (req.method !== "POST") return jsonResponse(res, 405, errorBody("METHOD_NOT_ALLOWED", "Send GraphQL requests as POST."));
      const body = await readBody(req);
      if (!body) return jsonResponse(res, 413, errorBody("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`));
      const token = req.headers[INTERNAL_TOKEN_HEADER];
      if (typeof token !== "string") {
        return jsonResponse(res, 401, errorBody("UNAUTHENTICATED", "This subgraph only answers requests signed by the Samråd gateway."));
      }
      let claims: InternalClaims;
      try {
        claims = await verifyInternalToken(token, { audience: options.name, body, keys: internalKeys });
        if (!(await replay.firstUse(claims.jti, claims.exp))) throw new InternalTokenError("internal token refused: already used (replay)");
        requestId = claims.requestId;
        span.setAttribute("samraad.request_id", requestId);
        principal = { sector: claims.principal.sector, roles: claims.principal.roles };
      } catch (error) {
        const message = error instanceof InternalTokenError ? error.message : "internal token refused";
        return jsonResponse(res, 401, errorBody("UNAUTHENTICATED", message));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return jsonResponse(res, 400, errorBody("BAD_REQUEST", "The request body is not valid JSON."));
      }
      if (isSubscriptionRequest(parsed as GraphQLRequestBody, req.headers.accept)) {
        const ended = new AbortController();
        subscriptions.add(ended);
        res.on("close", () => ended.abort());
        const audit = new AuditRecorder();
        try {
          res.setHeader(REQUEST_ID_HEADER, requestId);
          await serveSubscription(res, {
            schema,
            body: parsed as GraphQLRequestBody,
            context: { ...(await options.createContext(claims)), audit, grantKeys, auditLog: options.auditLog, signal: ended.signal },
            // Fail closed, as for queries: a subscription whose access cannot be recorded does not start.
            started: () => audit.flush(options.auditLog, claims, options.clock),
          });
        } finally {
          ended.abort();
          subscriptions.delete(ended);
        }
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const audit = new AuditRecorder();
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: "POST", headers, search: "", body: parsed },
        context: async () => {
          const context = await options.createContext(claims);
          if (context.emergencyPurposes) audit.classifyWith(context.emergencyPurposes);
          return {
            ...context,
            audit,
            grantKeys,
            auditLog: options.auditLog,
            writeTransaction: ((work) => options.transaction(claims, work)) satisfies WriteTransaction,
          } as unknown as TContext;
        },
      });
      // Fail closed: an access that cannot be recorded is not answered.
      await audit.flush(options.auditLog, claims, options.clock);
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      // Personal data: no cache may keep an answer (what Apollo's cache-control plugin said, off above).
      res.setHeader("cache-control", "no-store");
      res.statusCode = response.status ?? 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      logger.error({ requestId, error: errorForLog(error) }, "request failed");
      if (!res.headersSent) jsonResponse(res, 500, errorBody("INTERNAL_SERVER_ERROR", "Something went wrong on our side."));
      else res.end();
    }
  };
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: serviceUrl(host, actualPort),
    port: actualPort,
    async stop() {
      draining = true;
      for (const subscription of subscriptions) subscription.abort();
      // Finish in-flight requests, then close idle keep-alive sockets.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { Logger as HiveLogger } from "@graphql-hive/logger";
import { useOpenTelemetry } from "@graphql-hive/plugin-opentelemetry";
import { unifiedGraphHandler as rustQueryPlanner } from "@graphql-hive/router-runtime";
import type { InternalSigningKey } from "@samraad/access";
import { createLogger, DEFAULT_HOST, type ListenAddress, type Logger, serviceUrl } from "@samraad/observability";
import { latin1Only } from "@samraad/subgraph-kit/sharedSchema";
import { withSubgraphUrls } from "./compose/compose.ts";
import type { SubgraphName } from "./compose/subgraphs.ts";
import { useDeniedFieldNulls, useStableDocuments, validateFieldAccess } from "./fieldAccess.ts";
import { type FieldRulesPlugin, useFieldRules } from "./fieldRules.ts";
import { armorPlugins } from "./hardening/armor.ts";
import { readJsonBody } from "./hardening/jsonBody.ts";
import { DEFAULT_LIMITS, type GatewayLimits } from "./hardening/limits.ts";
import { boundedParseCaches, type ParseCaches } from "./hardening/parseCache.ts";
import { createRateLimiter, type RateLimiter, useRateLimit } from "./hardening/rateLimit.ts";
import { refuseOversized } from "./hardening/requestSize.ts";
import { useCodedRefusals, useNoIntrospection, useSafeErrors } from "./hardening/safeErrors.ts";
import { type TrustedDocuments, trustedDocumentsConfig } from "./hardening/trustedDocuments.ts";
import { useAuthentication } from "./identity/authenticate.ts";
import type { DevIssuer } from "./identity/devIssuer.ts";
import { handleDevRoutes } from "./identity/devRoutes.ts";
import type { TokenVerifier } from "./identity/verifier.ts";
import { SafeHiveLogWriter } from "./observability/hiveLogWriter.ts";
import { answerClientError, assignRequestId, logAnsweredAtTheDoor, useRequestLog } from "./observability/requestLog.ts";
import { signedHttpTransport } from "./upstream/signedTransport.ts";
import { type AuthenticatedUser, upstreamSigner, useSignedUpstream } from "./upstream/signUpstream.ts";
import { useSubgraphUnavailable } from "./upstream/subgraphUnavailable.ts";
import { useShortLivedUpstreamSignals } from "./upstream/upstreamSignals.ts";

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<SubgraphName, string>;
  verifyToken: TokenVerifier;
  /** Present only in development, when no issuer is configured. */
  devIssuer?: DevIssuer;
  /** Production: no introspection, no GraphiQL. */
  production?: boolean;
  /** Depth, aliases, tokens, cost, sizes, rate limits, timeouts (from the config, src/config.ts). */
  limits?: GatewayLimits;
  /** PostgreSQL for rate-limit counters shared by all replicas; without it they are per replica. */
  rateLimitDatabaseUrl?: string;
  /** Proxies in front that append X-Forwarded-For (SAMRAAD_TRUSTED_PROXY_HOPS; HAProxy: 1); 0 reads the socket's peer. */
  trustedProxyHops?: number;
  /** When set, people may only run these registered operations (sector systems may send their own). */
  trustedDocuments?: TrustedDocuments;
  /** OpenTelemetry spans for each request, operation and subgraph call (server.ts: when OTEL_EXPORTER_OTLP_ENDPOINT is set). */
  tracing?: boolean;
  /**
   * Hive's Rust query planner (@graphql-hive/router-runtime), the default: it plans and
   * executes without rebuilding each subgraph document per request, which halved the
   * gateway's CPU for the 500-case list (docs/performance.md). "javascript" is the
   * stitching-based planner it replaced.
   */
  queryPlanner?: QueryPlanner;
  /**
   * The private key the gateway signs every subgraph request with (Ed25519): its config's
   * SAMRAAD_INTERNAL_SIGNING_KEY (required there, so a gateway without it does not start),
   * imported by src/server.ts.
   */
  internalSigningKey: InternalSigningKey;
  /** Level of Hive Gateway's own messages (SAMRAAD_GATEWAY_LOG, warn). */
  hiveLogLevel?: "error" | "warn" | "info" | "debug";
  /**
   * Tests only: "generic-auth" runs the field rules through @envelop/generic-auth's per-request
   * walk (fieldAccess.ts), which the cached plugin (fieldRules.ts, the default) replaced; the
   * equivalence test runs the read access matrix against both.
   */
  fieldRules?: FieldRulesPlugin;
  /** Tests only: the parse caches to use, to look into them (default: boundedParseCaches()). */
  parseCaches?: ParseCaches;
}

export type QueryPlanner = "javascript" | "rust";

export interface RunningGateway {
  url: string;
  port: number;
  /** Where the rate-limit counters live ("shared" across replicas, or "per-replica"). */
  rateLimitScope: RateLimiter["scope"];
  stop(): Promise<void>;
}

/**
 * The Samråd gateway: Hive Gateway runtime serving the composed supergraph.
 * - identity: a bearer token verified against the trusted issuers → principal → scopes;
 * - field rules: the supergraph's @authenticated/@requiresScopes/@policy enforced before
 *   planning (fieldRules.ts, decided once per document, scopes and @skip/@include values):
 *   a field the principal may not see is null with an error at its path, the rest stands,
 *   and the restricted field is never fetched;
 * - upstream: every subgraph call carries a gateway-signed internal token;
 * - hardening: graphql-armor limits, no introspection in production, CSRF header,
 *   no batching unless configured, upstream timeouts, errors without internals.
 */
export function createGateway(options: GatewayOptions, rateLimiter: RateLimiter, logger: Logger) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const users = new WeakMap<Request, AuthenticatedUser>();
  const subgraphByUrl = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [url, name]));
  const requestLog = useRequestLog(logger, users);
  const sign = upstreamSigner(requestLog.requestIds, options.internalSigningKey);
  return createGatewayRuntime<{ currentUser?: AuthenticatedUser }>({
    // Latin-1 only, so every name parsed from it is a one-byte string (latin1Only says why).
    supergraph: withSubgraphUrls(latin1Only(options.supergraphSdl, "the supergraph"), options.subgraphUrls),
    ...((options.queryPlanner ?? "rust") === "rust" ? { unifiedGraphHandler: rustQueryPlanner } : {}),
    // Queries and mutations go out through our own signed transport (upstream/signedTransport.ts:
    // the gateway's CPU per case view fell by 28%, docs/performance.md); with tracing on, all go
    // through Hive's, whose fetch carries the spans and the traceparent to the subgraphs.
    transports: { http: options.tracing ? import("@graphql-mesh/transport-http") : signedHttpTransport(sign, limits.upstreamTimeoutMs) },
    // Never merge identical in-flight subgraph requests: the executor keys them by URL and
    // body, and each principal's signed token is added afterwards (useSignedUpstream), so
    // merging handed one person another's answer (tests/access/concurrentPrincipals.test.ts).
    // POST for subscriptions too (the default is GET): the internal token is bound to the body it signs.
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: false, method: "POST" } } },
    // Hive's own messages, as JSON lines through the same pino logger, stripped of request
    // bodies and error messages; warn and up by default (its debug level logs operations).
    logging: new HiveLogger({
      level: options.hiveLogLevel ?? "warn",
      writers: [new SafeHiveLogWriter(logger)],
    }),
    // Ours (useRequestLog) instead of Hive's: it checks an incoming id before trusting it.
    requestId: false,
    landingPage: false,
    graphiql: !options.production,
    // isDev false even under NODE_ENV=development: never the original error or its stack.
    maskedErrors: { isDev: false },
    // A "simple" request (GET, form posts: no CORS preflight) must carry one of these
    // headers, which a cross-site page cannot make a browser send. Authorization counts:
    // our credential is a bearer token, never a cookie, so a forged request has none.
    csrfPrevention: { requestHeaders: ["authorization", "x-samraad-csrf"] },
    batching: limits.maxBatch > 0 ? { limit: limits.maxBatch } : false,
    // Bounded by what they hold, not only by count (hardening/parseCache.ts).
    parserAndValidationCache: options.parseCaches ?? boundedParseCaches(),
    // Our transport times its own calls (upstream/signedTransport.ts); Hive's, with tracing on, is
    // timed here. Not a subscription's stream to its subgraph, which lasts as long as the page is
    // open (the timeout would end every live page after 10 s; docs/live.md).
    ...(options.tracing
      ? {
          upstreamTimeout: ({ executionRequest }: { executionRequest?: { operationType?: string } }) =>
            executionRequest?.operationType === "subscription" ? undefined : limits.upstreamTimeoutMs,
        }
      : {}),
    requestDeadline: limits.requestDeadlineMs,
    ...(options.trustedDocuments ? { persistedDocuments: trustedDocumentsConfig(options.trustedDocuments, users) } : {}),
    healthCheckEndpoint: "/healthz",
    readinessCheckEndpoint: "/readyz",
    ...(options.fieldRules === "generic-auth" ? { genericAuth: genericAuth(users) } : {}),
    plugins: (context) => [
      // Where generic-auth sat: ahead of every plugin of ours, so the refusals pass through them.
      ...(options.fieldRules === "generic-auth" ? [] : [useFieldRules(users)]),
      // Spans for request, operation and each subgraph call; traceparent goes upstream.
      ...(options.tracing ? [useOpenTelemetry({ ...context, traces: true })] : []),
      requestLog,
      useAuthentication(options.verifyToken, users, options.trustedDocuments),
      useRateLimit(rateLimiter, users, options.trustedProxyHops ?? 0),
      ...armorPlugins(limits),
      ...(options.production ? [useNoIntrospection()] : []),
      ...(options.fieldRules === "generic-auth" ? [useDeniedFieldNulls(), useStableDocuments()] : []),
      useSignedUpstream(subgraphByUrl, sign),
      useShortLivedUpstreamSignals(),
      useSubgraphUnavailable(),
      useSafeErrors(),
      useCodedRefusals(),
    ],
  });
}

/** The field rules through @envelop/generic-auth (protect-granular), as before fieldRules.ts. */
function genericAuth(users: WeakMap<Request, AuthenticatedUser>) {
  return {
    mode: "protect-granular",
    // Not "reject the operation": a field the principal may not see becomes null with
    // an error at its path and the rest of the answer stands. Unauthenticated
    // requests never get this far (useAuthentication answers 401).
    rejectUnauthenticated: false,
    resolveUserFn: (context: { request: Request }) => users.get(context.request) ?? null,
    extractScopes: (user: Partial<AuthenticatedUser> | null) => user?.scopes ?? [],
    validateUser: validateFieldAccess,
  } as const;
}

/** Starts the gateway at `address` (default: loopback, any free port; src/server.ts reads GATEWAY_HOST/GATEWAY_PORT). */
export async function startGateway(options: GatewayOptions, address: Partial<ListenAddress> = {}): Promise<RunningGateway> {
  const { host = DEFAULT_HOST, port = 0 } = address;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const rateLimiter = await createRateLimiter(limits, options.internalSigningKey, options.rateLimitDatabaseUrl);
  const logger = createLogger("gateway");
  const gateway = createGateway(options, rateLimiter, logger);
  // Room for a URL up to the request limit (refuseOversized answers 414 beyond it) plus ordinary headers.
  // The whole request must arrive within the request deadline: the door reads bodies before the
  // runtime's deadline starts (hardening/jsonBody.ts), so a slow sender is cut here (node's default: 300 s).
  const serverOptions = { maxHeaderSize: limits.maxRequestBytes + 16_384, requestTimeout: limits.requestDeadlineMs };
  const server = http.createServer(serverOptions, async (req, res) => {
    const started = performance.now();
    const requestId = assignRequestId(req, res);
    if (refuseOversized(req, res, limits.maxRequestBytes) || (options.devIssuer && (await handleDevRoutes(req, res, options.devIssuer)))) {
      logAnsweredAtTheDoor(logger, req, res, requestId, started);
      return;
    }
    const read = readJsonBody(req);
    if (read === true || (await read)) gateway(req, res);
  });
  // What node's HTTP parser refuses (headers too large, malformed requests) gets a coded JSON answer too.
  server.on("clientError", (error, socket) => answerClientError(logger, error, socket));
  // Idle keep-alive connections outlive the load balancer's (HAProxy: 60 s, deploy/haproxy.cfg.template):
  // with node's default of 5 s the gateway closed connections HAProxy was about to reuse, and
  // the request that met the closing connection got 502.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: serviceUrl(host, actual),
    port: actual,
    rateLimitScope: rateLimiter.scope,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await gateway.dispose();
      await rateLimiter.close();
    },
  };
}

import { type Attributes, type AttributeValue, context, propagation, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

export type { Span };

/**
 * The span attributes that leave the process: names, kinds, codes, counts, routes and
 * ids. Everything else is dropped, whoever set it (Hive Gateway sets the document,
 * the client's IP and user agent, error messages; a library added later may set more).
 */
const KEPT_ATTRIBUTES = new Set([
  "http.method",
  "http.request.method",
  "http.route",
  "http.scheme",
  "http.host",
  "net.host.name",
  "server.address",
  "server.port",
  "http.status_code",
  "http.response.status_code",
  "http.request.resend_count",
  "graphql.operation.type",
  "graphql.operation.name",
  "hive.request",
  "hive.graphql",
  "hive.upstream",
  "hive.request.id",
  "hive.graphql.operation.hash",
  "hive.graphql.error.count",
  "hive.graphql.error.codes",
  "hive.gateway.upstream.subgraph.name",
  "hive.gateway.operation.subgraph.names",
  "gateway.cache.response_cache",
  "gateway.schema.changed",
]);
/** URLs are kept without their query string (a GET carries the document and variables there). */
const URL_ATTRIBUTES = new Set(["http.url", "url.full"]);
/** An exception's type is kept when it is a class name or a code, never when it is a message. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

function withoutQuery(value: AttributeValue | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** The attributes allowed out (see KEPT_ATTRIBUTES); `samraad.*` are ours and chosen with care. */
export function keptAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (KEPT_ATTRIBUTES.has(key) || key.startsWith("samraad.")) kept[key] = value;
    else if (URL_ATTRIBUTES.has(key)) {
      const url = withoutQuery(value);
      if (url) kept[key] = url;
    } else if (key === "exception.type" && typeof value === "string" && IDENTIFIER.test(value)) kept[key] = value;
  }
  return kept;
}

/**
 * The exporter, minus anything that could carry personal data: only the attributes in
 * KEPT_ATTRIBUTES (no documents: a sector system may inline a CPR number as a literal;
 * no variables, exception messages or stack traces: they quote input), URLs without
 * their query, status codes without their messages, events and links by name only.
 */
export function redacting(exporter: SpanExporter): SpanExporter {
  const clean = (span: ReadableSpan): ReadableSpan => {
    const attributes = keptAttributes(span.attributes);
    const events = span.events.map((event) => ({ ...event, attributes: keptAttributes(event.attributes ?? {}) }));
    const links = span.links.map((link) => ({ ...link, attributes: keptAttributes(link.attributes ?? {}) }));
    // The span stays the prototype: its methods (spanContext()) and other fields are read through it.
    return Object.assign(Object.create(span) as ReadableSpan, { attributes, events, links, status: { code: span.status.code } });
  };
  return {
    export: (spans, done) => exporter.export(spans.map(clean), done),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

export interface Tracing {
  /** Sends what is batched now (tests; shutdown does it too). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces for one service, exported over OTLP/HTTP to
 * `endpoint`, the traces URL from the service's parsed config (tracesEndpoint in
 * @samraad/config: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT +
 * /v1/traces; the SDK reads the other OTEL_* variables). Without one nothing is set up and
 * every span is a no-op. W3C trace context travels
 * on every gateway → subgraph request (traceparent), so one trace spans all services.
 * `exporter` is for tests.
 */
export async function startTracing(
  serviceName: string,
  options: { exporter?: SpanExporter; endpoint?: string | undefined } = {},
): Promise<Tracing | null> {
  const { endpoint } = options;
  if (!options.exporter && !endpoint) return null;
  // The SDK is loaded only when traces are on: it adds about 20 MB to every process that
  // imports it, and the API above (a no-op without a provider) is all the rest need.
  const [
    { AsyncLocalStorageContextManager },
    { W3CTraceContextPropagator },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { BatchSpanProcessor },
    { NodeTracerProvider },
  ] = await Promise.all([
    import("@opentelemetry/context-async-hooks"),
    import("@opentelemetry/core"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/sdk-trace-node"),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, "service.namespace": "samraad" }),
    spanProcessors: [new BatchSpanProcessor(redacting(options.exporter ?? new OTLPTraceExporter({ url: endpoint })))],
  });
  provider.register({ contextManager: new AsyncLocalStorageContextManager(), propagator: new W3CTraceContextPropagator() });
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/**
 * Runs `handle` inside a server span that continues the caller's trace (its
 * traceparent header). With no tracing set up this is a plain call.
 */
export function withServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Record<string, string>,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  const tracer = trace.getTracer("@samraad/observability");
  return tracer.startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    try {
      return await handle(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

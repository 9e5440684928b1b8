import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

export type { Span };
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/** Attributes that can hold what a client sent (documents with inline values) or the data itself. */
const SENSITIVE_ATTRIBUTES = ["graphql.document", "graphql.source", "graphql.variables", "http.request.body", "db.statement", "db.query.text"];

/**
 * The exporter, minus anything that could carry personal data: documents (a sector
 * system may inline a CPR number as a literal), exception messages and stack traces
 * (they quote input), status messages. What stays: names, ids, timings, codes, counts.
 */
export function redacting(exporter: SpanExporter): SpanExporter {
  const clean = (span: ReadableSpan): ReadableSpan => {
    const attributes = { ...span.attributes };
    for (const key of SENSITIVE_ATTRIBUTES) delete attributes[key];
    const events = span.events.map((event) => {
      if (!event.attributes) return event;
      const { "exception.message": _m, "exception.stacktrace": _s, ...rest } = event.attributes;
      return { ...event, attributes: rest };
    });
    // The span stays the prototype: its methods (spanContext()) and other fields are read through it.
    return Object.assign(Object.create(span) as ReadableSpan, { attributes, events, status: { code: span.status.code } });
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
 * OTEL_EXPORTER_OTLP_ENDPOINT (the standard OTEL_* variables apply). Without that
 * variable nothing is set up and every span is a no-op. W3C trace context travels
 * on every gateway → subgraph request (traceparent), so one trace spans all services.
 * `exporter` is for tests.
 */
export function startTracing(serviceName: string, options: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): Tracing | null {
  const env = options.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT && `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, "")}/v1/traces`);
  if (!options.exporter && !endpoint) return null;
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

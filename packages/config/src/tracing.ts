import { httpUrl } from "./pieces.ts";

/**
 * The OpenTelemetry variables every service reads (the gateway and each subgraph spread them
 * into their schema). The SDK reads the other standard OTEL_* variables itself (headers,
 * batch timings); these two decide whether traces are on at all.
 */
export const TRACING_VARIABLES = {
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl,
};

/** Where spans go: the traces URL, else `<base>/v1/traces`; undefined (no tracing) without either. */
export function tracesEndpoint(vars: { OTEL_EXPORTER_OTLP_ENDPOINT?: string; OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string }) {
  const base = vars.OTEL_EXPORTER_OTLP_ENDPOINT;
  return vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/$/, "")}/v1/traces` : undefined);
}

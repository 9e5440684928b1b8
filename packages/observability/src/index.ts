export { captureLogs, createLogger, errorForLog, type Logger } from "./logger.ts";
export { REQUEST_ID_HEADER, requestIdFrom } from "./requestId.ts";
export { keptAttributes, redacting, type Span, startTracing, type Tracing, withServerSpan } from "./tracing.ts";

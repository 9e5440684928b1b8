export { captureLogs, createLogger, errorForLog, type Logger } from "./logger.ts";
export { currentRequestId, REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "./requestId.ts";
export { keptAttributes, redacting, type Span, startTracing, type Tracing, withServerSpan } from "./tracing.ts";

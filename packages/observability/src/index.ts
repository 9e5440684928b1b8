export { DEFAULT_HOST, type ListenAddress, listenAddressFromEnv, serviceUrl } from "./listenAddress.ts";
export { captureLogs, createLogger, errorForLog, type Logger } from "./logger.ts";
export { REQUEST_ID_HEADER, requestIdFrom } from "./requestId.ts";
export { keptAttributes, redacting, type Span, startTracing, type Tracing, withServerSpan } from "./tracing.ts";

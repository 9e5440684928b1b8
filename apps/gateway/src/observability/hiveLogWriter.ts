import type { LogWriter } from "@graphql-hive/logger";
import type { Logger } from "@samraad/observability";

type Level = "trace" | "debug" | "info" | "warn" | "error";

/** From Hive's attributes, only what names a failure: never a request body, variables or an error's message. */
function summary(attrs: unknown): Record<string, unknown> | undefined {
  if (!attrs || typeof attrs !== "object") return undefined;
  const a = attrs as { extensions?: { code?: unknown; serviceName?: unknown }; code?: unknown; path?: unknown; name?: unknown };
  const code = a.extensions?.code ?? a.code;
  const path = Array.isArray(a.path) ? a.path.filter((p) => typeof p === "string" || typeof p === "number") : undefined;
  return {
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof a.extensions?.serviceName === "string" ? { subgraph: a.extensions.serviceName } : {}),
    ...(path ? { path } : {}),
    ...(attrs instanceof Error ? { type: attrs.constructor.name } : {}),
  };
}

/**
 * Hive Gateway's own log lines, through our pino logger. Hive logs a failed subgraph
 * call with the request body (variables: names, CPR numbers) and errors with their
 * messages (which can quote input): this writer keeps the code, subgraph and path, and
 * blanks quoted text in the message.
 */
export class SafeHiveLogWriter implements LogWriter {
  constructor(private readonly logger: Logger) {}
  write(level: Level, attrs: unknown, msg: string | null | undefined): void {
    const text = msg ? msg.replace(/"[^"]*"|'[^']*'/g, '"…"').slice(0, 300) : undefined;
    this.logger[level]({ component: "hive", ...summary(attrs) }, text);
  }
}

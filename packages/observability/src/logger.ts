import { pino } from "pino";

export type Logger = pino.Logger;

type Sink = (line: string) => void;
const sinks = new Set<Sink>();

// Under the test runner log lines go to captures only, so the suite's output stays
// readable; SAMRAAD_LOG_LEVEL set explicitly prints them there too.
const toStdout = !process.env.VITEST || Boolean(process.env.SAMRAAD_LOG_LEVEL);

// Lines go to stdout once per turn of the event loop, not one write each. A write to a
// pipe is a system call that also wakes the reader; written where the line is logged (the
// request line, just before the response is sent) it was on every request's critical path
// and 4% of the gateway's CPU (docs/performance.md). A line waits at most until the current
// turn ends; what is pending when the process exits (also after an uncaught exception) is
// written then. Only a SIGKILL can lose it, as it could lose the line being logged anyway.
let pending: string[] = [];
function flush() {
  if (pending.length === 0) return;
  const chunk = pending.join("");
  pending = [];
  process.stdout.write(chunk);
}
process.on("exit", flush);

const destination = {
  write(line: string) {
    if (toStdout) {
      if (pending.length === 0) setImmediate(flush);
      pending.push(line);
    }
    for (const sink of sinks) sink(line);
  },
};

/**
 * One JSON line per event (pino), with the service name, ISO time and, per request,
 * the request id. What goes into a line is decided where it is logged: ids, codes,
 * counts and durations, never variables, names, CPR numbers or error messages (those
 * can quote input). Redaction below is the second line of defence.
 */
export function createLogger(service: string): Logger {
  return pino(
    {
      base: { service },
      // Read here, not handed over: loggers are made where modules load, before a service has
      // parsed its config. Each service's config declares SAMRAAD_LOG_LEVEL all the same
      // (SUBGRAPH_VARIABLES, the gateway's), so a wrong level stops the start by name.
      level: process.env.SAMRAAD_LOG_LEVEL ?? "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ["variables", "*.variables", "authorization", "*.authorization", "headers", "*.headers", "body", "*.body"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/** Collects every log line written from now on, in this process (tests). */
export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const sink: Sink = (line) => lines.push(line);
  sinks.add(sink);
  return { lines, stop: () => sinks.delete(sink) };
}

/**
 * An unexpected error as it may be logged: its class, code and stack frames, but not
 * its message, which can quote the input (a Prisma error names the values it refused).
 */
export function errorForLog(error: unknown): { type: string; code?: string; frames?: string[] } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor?.name ?? "Error",
    ...(typeof code === "string" ? { code } : {}),
    frames: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .map((line) => line.trim()),
  };
}

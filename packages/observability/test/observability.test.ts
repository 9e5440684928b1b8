import { spawnSync } from "node:child_process";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { describe, expect, it } from "vitest";
import { captureLogs, createLogger, errorForLog, keptAttributes, redacting, requestIdFrom } from "../src/index.ts";

// A replacement number (day + 60): the synthetic form, never an ordinary CPR number.
const CPR = "900415-4232";

describe("request ids", () => {
  it("keeps an incoming id that looks like one, and replaces anything else", () => {
    expect(requestIdFrom("trace-me-0123456789")).toBe("trace-me-0123456789");
    for (const bad of [undefined, null, "", "short", "a".repeat(129), 'x"}{"level":"fatal"}', "with spaces in it", `child ${CPR}\n`]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("logs", () => {
  it("are JSON lines with service, level and time; variables, headers and bodies are censored even when passed", () => {
    const logs = captureLogs();
    const logger = createLogger("test");
    logger.info(
      { requestId: "r-12345678", variables: { cpr: CPR }, req: { headers: { authorization: "Bearer x" }, body: CPR } },
      "request",
    );
    logs.stop();
    expect(logs.lines).toHaveLength(1);
    const line = JSON.parse(logs.lines[0] as string);
    expect(line).toMatchObject({ level: "info", service: "test", requestId: "r-12345678", msg: "request", time: expect.any(String) });
    expect(logs.lines[0]).not.toContain(CPR);
    expect(logs.lines[0]).not.toContain("Bearer");
  });

  it("log an unexpected error by class, code and frames, never by its message", () => {
    const error = Object.assign(new TypeError(`Unique constraint failed on cpr ${CPR}`), { code: "P2002" });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: "TypeError", code: "P2002" });
    expect(logged.frames?.[0]).toMatch(/^at /);
    expect(JSON.stringify(logged)).not.toContain(CPR);
    expect(errorForLog("a string")).toEqual({ type: "string" });
  });
});

describe("span redaction", () => {
  it("keeps allow-listed attributes only, URLs without their query, exception types that are names", () => {
    const kept = keptAttributes({
      "http.method": "GET",
      "http.url": `http://gw/graphql?query=%7B%7D&variables=${CPR}`,
      "graphql.document": `{ boernehusCase(id: "${CPR}") { id } }`,
      "graphql.operation.name": "CaseView",
      "http.client_ip": "10.1.2.3",
      "http.user_agent": "Mozilla",
      "hive.graphql.error.codes": ["UNAUTHORIZED"],
      "exception.type": "TypeError",
      "samraad.subgraph": "police",
      "something.new": CPR,
    });
    expect(kept).toEqual({
      "http.method": "GET",
      "http.url": "http://gw/graphql",
      "graphql.operation.name": "CaseView",
      "hive.graphql.error.codes": ["UNAUTHORIZED"],
      "exception.type": "TypeError",
      "samraad.subgraph": "police",
    });
    expect(keptAttributes({ "exception.type": `Value "${CPR}" is not a Gender` })).toEqual({});
  });

  it("sends spans without exception messages, status messages or event and link attributes that are not allowed", async () => {
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(redacting(memory))] });
    const tracer = provider.getTracer("test");
    const span = tracer.startSpan("graphql.operation", { attributes: { "graphql.document": CPR, "graphql.operation.type": "query" } });
    span.recordException(new Error(`bad input ${CPR}`));
    span.setStatus({ code: SpanStatusCode.ERROR, message: `Variable got invalid value ${CPR}` });
    span.end();
    await provider.forceFlush();
    const [exported] = memory.getFinishedSpans();
    expect(exported?.name).toBe("graphql.operation");
    expect(exported?.attributes).toEqual({ "graphql.operation.type": "query" });
    expect(exported?.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(exported?.events.map((e) => e.name)).toEqual(["exception"]);
    expect(exported?.events[0]?.attributes).toEqual({ "exception.type": "Error" });
    // Still a span: its context (trace and span ids) reads through.
    expect(exported?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    const { attributes, events, links, status } = exported ?? {};
    expect(JSON.stringify({ attributes, events, links, status })).not.toContain(CPR);
    await provider.shutdown();
    trace.disable();
  });
});

describe("log output", () => {
  /** Runs `body` in a fresh Node process with a logger for "child"; its stdout, and how many writes made it. */
  function inChild(body: string) {
    const logger = new URL("../src/logger.ts", import.meta.url).pathname;
    const script = `
      import { createLogger } from ${JSON.stringify(logger)};
      let writes = 0;
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = (chunk, ...rest) => { writes++; return write(chunk, ...rest); };
      process.on("exit", () => process.stderr.write(String(writes)));
      const logger = createLogger("child");
      ${body}
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, VITEST: "", SAMRAAD_LOG_LEVEL: "info" },
    });
    const lines = child.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string });
    return { lines: lines.map((l) => l.msg), writes: Number(child.stderr.trim().split("\n").pop()), status: child.status };
  }

  it("are written once per turn of the event loop, not once per line", () => {
    const child = inChild(`for (let i = 0; i < 50; i++) logger.info("line " + i);`);
    expect(child.lines).toEqual(Array.from({ length: 50 }, (_, i) => `line ${i}`));
    expect(child.writes).toBe(1);
  });

  it("are all written when the process exits straight after logging, or dies of an uncaught exception", () => {
    const exits = inChild(`logger.info("first"); logger.info("last"); process.exit(3);`);
    expect(exits).toMatchObject({ lines: ["first", "last"], status: 3 });
    const dies = inChild(`logger.info("before"); setTimeout(() => { logger.error("about to fail"); throw new Error("boom"); });`);
    expect(dies.lines).toEqual(["before", "about to fail"]);
    expect(dies.status).toBe(1);
  });
});

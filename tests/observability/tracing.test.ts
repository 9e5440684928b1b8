import http from "node:http";
import type { AddressInfo } from "node:net";
import { startTracing, type Tracing } from "@samraad/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
  events?: Array<{ name: string; attributes?: Array<{ key: string; value: Record<string, unknown> }> }>;
}

/** A minimal OTLP/HTTP (JSON) receiver: what a collector would get. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    bodies.push(body);
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    spans(): Array<OtlpSpan & { service: string }> {
      return bodies.flatMap((body) =>
        (JSON.parse(body).resourceSpans ?? []).flatMap(
          (rs: { resource: { attributes: OtlpSpan["attributes"] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }) => {
            const service = String(rs.resource.attributes?.find((a) => a.key === "service.name")?.value.stringValue);
            return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, service })));
          },
        ),
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let tracing: Tracing | null;
let stack: Stack;
beforeAll(async () => {
  receiver = await startReceiver();
  // In production each service is its own process with its own service.name; here all
  // share one, and the subgraph spans say which subgraph they are (samraad.subgraph).
  tracing = startTracing("samraad-test", { env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url } });
  stack = await startStack({ courses: 12, gateway: { tracing: true } });
});
afterAll(async () => {
  await stack?.stop();
  await tracing?.shutdown();
  await receiver?.close();
});

describe("traces", () => {
  it("are off unless OTEL_EXPORTER_OTLP_ENDPOINT is set", () => {
    expect(startTracing("nothing", { env: {} })).toBeNull();
  });

  it("follow one operation from the gateway into every subgraph it calls, without personal data", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.police !== null);
    const res = await stack.query("caseworker-kbh", `query CaseChild($id: ID!) { boernehusCase(id: $id) { id child { firstName lastName cpr } policeReport { journalNumber } } }`, {
      id: course.caseId,
    });
    expect(res.errors).toBeUndefined();
    await tracing?.flush();
    const spans = receiver.spans();
    const subgraphSpans = spans.filter((s) => s.name.startsWith("subgraph "));
    const subgraphs = new Set(subgraphSpans.map((s) => s.name.slice("subgraph ".length)));
    expect([...subgraphs].sort()).toEqual(expect.arrayContaining(["boernehus", "municipality", "police"]));
    // One trace: every subgraph span belongs to the trace of a gateway operation span, and its parent is a gateway span.
    const operation = spans.find((s) => s.name.includes("CaseChild") || s.attributes?.some((a) => a.value.stringValue === "CaseChild"));
    expect(operation).toBeDefined();
    const trace = spans.filter((s) => s.traceId === operation?.traceId);
    const ids = new Set(trace.map((s) => s.spanId));
    const inTrace = subgraphSpans.filter((s) => s.traceId === operation?.traceId);
    expect(inTrace.length).toBeGreaterThanOrEqual(3);
    for (const span of inTrace) expect(ids.has(span.parentSpanId ?? "")).toBe(true);
    // Neither the document, nor the child's name or CPR number, went to the collector.
    const exported = receiver.bodies.join("\n");
    for (const secret of [course.child.firstName, course.child.lastName, course.child.cpr]) expect(exported).not.toContain(secret);
    expect(exported).not.toContain("graphql.document");
  });
});

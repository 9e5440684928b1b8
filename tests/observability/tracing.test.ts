import http from "node:http";
import type { AddressInfo } from "node:net";
import { tracesEndpoint } from "@samraad/config";
import { startTracing, type Tracing } from "@samraad/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceProcess, spawnSubgraph } from "../support/serviceProcess.ts";
import { type Stack, startStack } from "../support/stack.ts";

type OtlpAttribute = { key: string; value: Record<string, unknown> };
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: OtlpAttribute[];
  events?: Array<{ name: string; attributes?: OtlpAttribute[] }>;
  status?: { code?: number; message?: string };
}

/** A minimal OTLP/HTTP (JSON) receiver: what a collector would get. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method === "POST" && req.url === "/v1/traces") bodies.push(body);
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
          (rs: { resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }) => {
            const service = String(rs.resource.attributes?.find((a) => a.key === "service.name")?.value.stringValue);
            return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, service })));
          },
        ),
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value.stringValue;

// Synthetic only: a made-up child that exists nowhere but in this test.
const NEW_CHILD = { cpr: "900415-4232", firstName: "Ynsilde", lastName: "Quorvatsen", birthDate: "2015-04-30", gender: "GIRL" };

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let tracing: Tracing | null;
let stack: Stack;
let police: ServiceProcess | undefined;
let gatewayUrl: string;
beforeAll(async () => {
  receiver = await startReceiver();
  // This process is the gateway (and, in-process, the other subgraphs); the police
  // subgraph runs as production runs it, its own process exporting its own spans.
  tracing = await startTracing("samraad-gateway", { endpoint: tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }) });
  stack = await startStack({ courses: 12 });
  police = await spawnSubgraph("police", stack.subgraphs.police.database.url, {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_BSP_SCHEDULE_DELAY: "200",
  });
  gatewayUrl = (await stack.startGateway({ tracing: true, subgraphUrls: { police: police.url } })).url;
});
afterAll(async () => {
  if (police && police.child.exitCode === null) {
    police.child.kill("SIGTERM");
    await police.exited;
  }
  await stack?.stop();
  await tracing?.shutdown();
  await receiver?.close();
});

async function post(persona: string, query: string, variables: Record<string, unknown>, operationName?: string) {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await stack.token(persona)}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

describe("traces", () => {
  it("are off unless OTEL_EXPORTER_OTLP_ENDPOINT is set", async () => {
    expect(await startTracing("nothing", { endpoint: tracesEndpoint({}) })).toBeNull();
  });

  it("follow one operation from the gateway into every subgraph it calls, across processes, without personal data", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.police !== null);
    const CASE_CHILD = `query CaseChild($id: ID!) { boernehusCase(id: $id) { id child { firstName lastName cpr } policeReport { journalNumber } } }`;
    const res = await post("caseworker-kbh", CASE_CHILD, { id: course.caseId });
    expect(res.errors).toBeUndefined();
    // The same read as a GET: the document and the variables travel in the URL.
    const get = await fetch(
      `${gatewayUrl}?${new URLSearchParams({ query: CASE_CHILD, variables: JSON.stringify({ id: course.caseId }) })}`,
      {
        headers: { authorization: `Bearer ${await stack.token("caseworker-kbh")}` },
      },
    );
    expect(get.status).toBe(200);
    // Refused input that the error messages quote back (names and a CPR number).
    const refused = await post("caseworker-kbh", `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id } }`, {
      input: { ...NEW_CHILD, gender: `${NEW_CHILD.firstName} ${NEW_CHILD.lastName} ${NEW_CHILD.cpr}`, municipalityCode: "0101" },
    });
    expect(refused.errors?.length).toBeGreaterThan(0);

    await tracing?.flush();
    // The police process batches every 200 ms; wait for its spans to arrive.
    const deadline = Date.now() + 20_000;
    while (!receiver.spans().some((s) => s.service === "samraad-police") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const spans = receiver.spans();
    const operation = spans.find((s) => s.service === "samraad-gateway" && attribute(s, "graphql.operation.name") === "CaseChild");
    expect(operation, JSON.stringify(spans.map((s) => [s.service, s.name]))).toBeDefined();
    const inTrace = spans.filter((s) => s.traceId === operation?.traceId);
    const gatewaySpanIds = new Set(
      inTrace.filter((s) => s.service === "samraad-gateway" && !s.name.startsWith("subgraph ")).map((s) => s.spanId),
    );

    // The police subgraph, in its own process, continued the gateway's trace: its span's
    // parent is the gateway's span for the call (W3C traceparent across the wire).
    const policeSpans = inTrace.filter((s) => s.service === "samraad-police");
    expect(policeSpans.map((s) => s.name)).toContain("subgraph police");
    for (const span of policeSpans) expect(gatewaySpanIds.has(span.parentSpanId ?? "")).toBe(true);
    // And the subgraphs in this process did too.
    const subgraphs = new Set(inTrace.filter((s) => s.name.startsWith("subgraph ")).map((s) => s.name.slice("subgraph ".length)));
    expect([...subgraphs].sort()).toEqual(expect.arrayContaining(["boernehus", "municipality", "police"]));
    const policeSpan = policeSpans.find((s) => s.name === "subgraph police");
    expect(policeSpan?.attributes?.find((a) => a.key === "http.status_code")?.value.intValue).toBe(200);

    // Nothing that names the child, and nothing the client sent, went to the collector:
    // no document, no variables (the case id included), no error message, no IP or user agent.
    const exported = receiver.bodies.join("\n");
    const secrets = [
      course.child.firstName,
      course.child.lastName,
      course.child.cpr,
      course.child.cpr.replace("-", ""),
      course.caseId,
      NEW_CHILD.firstName,
      NEW_CHILD.lastName,
      NEW_CHILD.cpr,
      "boernehusCase(",
      "registerChild(",
    ];
    for (const secret of secrets) expect(exported, secret).not.toContain(secret);
    const keys = new Set(
      spans.flatMap((s) => [...(s.attributes ?? []), ...(s.events ?? []).flatMap((e) => e.attributes ?? [])].map((a) => a.key)),
    );
    for (const key of ["graphql.document", "exception.message", "exception.stacktrace", "http.client_ip", "http.user_agent"]) {
      expect(keys.has(key), key).toBe(false);
    }
    expect(spans.every((s) => !s.status?.message)).toBe(true);
    // The GET's URL is kept without its query.
    const urls = spans.flatMap((s) => (attribute(s, "http.url") ? [attribute(s, "http.url") as string] : []));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).not.toContain("?");
  });
});

import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { HostileRequest } from "./hostile.ts";
import { judge, judgeStream, runFuzz } from "./runner.ts";

// The fuzz is only as good as its oracle: each rule, shown a broken answer, must say so.
const as = (persona?: string, method: "GET" | "POST" = "POST"): HostileRequest => ({
  method,
  credential: persona ? { persona } : { broken: "Bearer x" },
  headers: {},
  payload: "",
  kind: "test",
});
const json = "application/json";
const target = { gatewayUrl: "http://127.0.0.1:9/graphql", token: async () => "", forbidden: { "caseworker-frb": ["case-in-kbh"] } };
const ok = (data: unknown) => JSON.stringify({ data });

describe("the fuzz oracle", () => {
  it("passes ordinary answers", () => {
    expect(judge(target, as("caseworker-kbh"), 200, json, ok({ boernehusCase: { child: { cpr: "900415-4232" } } }))).toBeNull();
    expect(judge(target, as("investigator-kbh"), 200, json, ok({ boernehusCase: { id: "a", child: null } }))).toBeNull();
    expect(
      judge(target, as(), 401, json, JSON.stringify({ errors: [{ message: "no", extensions: { code: "UNAUTHENTICATED" } }] })),
    ).toBeNull();
    expect(judge(target, as("analyst-national"), 200, json, ok({ boernehusCase: null }))).toBeNull();
    expect(judge(target, as("caseworker-kbh", "GET"), 200, "text/html", "<title>Hive Gateway</title>")).toBeNull();
  });

  it("flags each broken rule", () => {
    const error = (code?: string) => JSON.stringify({ errors: [{ message: "x", extensions: code ? { code } : {} }] });
    expect(judge(target, as("caseworker-kbh"), 500, json, error("INTERNAL_SERVER_ERROR"))).toBe("status 500");
    expect(judge(target, as("caseworker-kbh"), 503, json, error("X"))).toBe("status 503");
    expect(
      judge(target, as("caseworker-kbh"), 400, json, '{"errors":[{"message":"x\\n    at foo (/app/x.ts:1:2)","extensions":{"code":"X"}}]}'),
    ).toBe("internals in the response");
    expect(judge(target, as("caseworker-kbh"), 415, json, "")).toBe("response is not JSON");
    expect(judge(target, as("caseworker-kbh"), 400, json, error())).toBe("an error without a code");
    expect(judge(target, as("caseworker-kbh"), 200, json, "{}")).toBe("neither data nor errors");
    expect(judge(target, as(), 200, json, ok({ boernehusCases: [{ id: "a" }] }))).toBe("data for a request without a valid token");
    expect(judge(target, as("investigator-kbh"), 200, json, ok({ boernehusCase: { child: { cpr: "9004154232" } } }))).toBe(
      "a CPR number for someone who may not read one",
    );
    expect(judge(target, as("analyst-national"), 200, json, ok({ boernehusCases: [{ id: "a" }] }))).toBe(
      "case data for a principal without case access",
    );
    expect(judge(target, as("caseworker-frb"), 200, json, ok({ boernehusCase: { id: "case-in-kbh" } }))).toBe(
      "another municipality's case",
    );
    expect(judge({ ...target, production: true }, as("caseworker-kbh"), 200, json, ok({ __schema: { types: [] } }))).toBe(
      "introspection answered in production",
    );
    expect(judge({ ...target, production: true }, as("caseworker-kbh", "GET"), 200, "text/html", "<title>Hive Gateway</title>")).toBe(
      "response is not JSON",
    );
    expect(judge(target, as("caseworker-kbh"), 400, json, ok({ __typename: "Query" }))).toBe("status 400 without errors");
  });

  it("judges a stream: only an accepted subscription of someone with case access", () => {
    expect(judgeStream(as("caseworker-kbh"), 200)).toBeNull();
    expect(judgeStream(as(), 200)).toBe("a stream for a request without a valid token");
    expect(judgeStream(as("analyst-national"), 200)).toBe("a stream for a principal without case access");
    expect(judgeStream(as("caseworker-kbh"), 401)).toBe("a stream with status 401");
    expect(judgeStream(as("caseworker-kbh"), 502)).toBe("status 502");
  });
});

// The runner itself against a server that misbehaves on purpose: it must neither wait
// forever for a subscription's stream nor for an answer that never comes.
describe("the fuzz runner", () => {
  async function serve(answer: (res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => answer(res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
  }
  const close = (server: Server) => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  const options = { runs: 40, seed: 7, answerWithinMs: 500, personas: ["caseworker-kbh", "analyst-national"] };

  it("leaves a stream after its headers and judges who opened it", async () => {
    const { url, server } = await serve((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(":\n\n");
    });
    try {
      const report = await runFuzz({ gatewayUrl: url, token: async () => "t" }, options);
      // (A few requests never reach the handler: node:http refuses oversized headers itself.)
      expect(report.streams).toBeGreaterThan(30);
      // Streams opened without a valid token, or for the analyst, are what the oracle must flag.
      expect(report.violations["a stream for a request without a valid token"]).toBeGreaterThan(0);
      expect(report.violations["a stream for a principal without case access"]).toBeGreaterThan(0);
    } finally {
      await close(server);
    }
  });

  it("reports an answer that never comes as a hang", async () => {
    const { url, server } = await serve(() => {});
    try {
      const report = await runFuzz({ gatewayUrl: url, token: async () => "t" }, { ...options, runs: 8 });
      expect(report.violations["no answer within 0.5 s"]).toBe(report.runs);
      expect(report.runs).toBeGreaterThan(4);
    } finally {
      await close(server);
    }
  });
});

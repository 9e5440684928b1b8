import { describe, expect, it } from "vitest";
import type { HostileRequest } from "./hostile.ts";
import { judge } from "./runner.ts";

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
});

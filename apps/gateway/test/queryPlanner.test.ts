import { describe, expect, it } from "vitest";
import { queryPlannerFromEnv } from "../src/gateway.ts";

describe("SAMRAAD_QUERY_PLANNER", () => {
  it("is Rust unless the JavaScript planner is asked for, and a misspelling stops the start instead of picking one", () => {
    expect(queryPlannerFromEnv({})).toBe("rust");
    expect(queryPlannerFromEnv({ SAMRAAD_QUERY_PLANNER: "javascript" })).toBe("javascript");
    expect(() => queryPlannerFromEnv({ SAMRAAD_QUERY_PLANNER: "js" })).toThrow(/"rust" or "javascript"/);
  });
});

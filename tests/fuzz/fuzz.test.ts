import { DEFAULT_LIMITS } from "@samraad/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";
import { runFuzz } from "./runner.ts";

let stack: Stack;
beforeAll(async () => {
  // Generous rate limits: the point here is what each request gets, not the budget.
  stack = await startStack({ courses: 12, gateway: { limits: { ...DEFAULT_LIMITS, rateLimitPerWindow: 100_000, systemRateLimitPerWindow: 100_000 } } });
});
afterAll(async () => stack?.stop());

// Bounded for the suite (bench/ runs 100k with the same runner). FUZZ_RUNS / FUZZ_SEED to explore.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe("hostile input through the whole stack", () => {
  it("never gets a 5xx, internals, an uncoded error or data beyond the principal's rights", async () => {
    const report = await runFuzz({ gatewayUrl: stack.gatewayUrl, token: stack.token }, { runs: RUNS, seed: SEED });
    expect(report.failures, JSON.stringify(report.failures.slice(0, 5), null, 2)).toEqual([]);
    expect(report.runs).toBeGreaterThan(RUNS * 0.9);
    // It reached every layer: accepted operations, refusals at the door, refusals for shape.
    expect(report.byStatus["200"]).toBeGreaterThan(0);
    expect(report.byStatus["401"]).toBeGreaterThan(0);
    expect(report.byStatus["400"]).toBeGreaterThan(0);
    expect(Object.keys(report.byCode).length).toBeGreaterThan(5);
  });
});

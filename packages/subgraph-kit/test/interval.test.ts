import { describe, expect, it } from "vitest";
import { intervalMsFromEnv, MAX_INTERVAL_MINUTES } from "../src/interval.ts";

describe("a background job's interval from the environment", () => {
  const read = (value: string | undefined, zeroTurnsOff = false) =>
    intervalMsFromEnv({ JOB_MINUTES: value }, "JOB_MINUTES", { defaultMinutes: 5, zeroTurnsOff });

  it("reads minutes as milliseconds, with the default when unset or empty", () => {
    expect(read("15")).toBe(900_000);
    expect(read("0.5")).toBe(30_000);
    expect(read(undefined)).toBe(300_000);
    expect(read("")).toBe(300_000);
  });

  it("turns the job off with 0 only where that is allowed", () => {
    expect(read("0", true)).toBeNull();
    expect(() => read("0")).toThrow(/JOB_MINUTES must be a number of minutes above 0/);
  });

  // Node fires a setInterval longer than 2^31-1 ms every millisecond instead: the bench's
  // "once in 100000 minutes" ran the statistics extraction back to back.
  it("refuses an interval Node's timers cannot hold, naming the variable", () => {
    expect(read(String(MAX_INTERVAL_MINUTES))).toBe(MAX_INTERVAL_MINUTES * 60_000);
    expect(MAX_INTERVAL_MINUTES * 60_000).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(() => read(String(MAX_INTERVAL_MINUTES + 1))).toThrow(/JOB_MINUTES .* at most 35791/);
    expect(() => read("100000", true)).toThrow(/got "100000"/);
  });

  it("refuses what is not a positive number", () => {
    for (const bad of ["-1", "soon", "Infinity"]) expect(() => read(bad, true), bad).toThrow(/JOB_MINUTES/);
  });
});

import { addCalendarMonths } from "@samraad/clocks";
import { describe, expect, it } from "vitest";
import { ladderStep } from "../src/domain/measure.ts";

describe("calendar months in Danish time", () => {
  it("clamps to the last day of a shorter month", () => {
    expect(addCalendarMonths(new Date("2025-10-31T12:00:00Z"), 4).toISOString()).toBe("2026-02-28T12:00:00.000Z");
  });

  it("keeps the local time across a summer time change, and counts the Danish date", () => {
    // 31 January 2026 at 00:30 in Copenhagen is still 30 January in UTC.
    expect(addCalendarMonths(new Date("2026-01-30T23:30:00Z"), 4).toISOString()).toBe("2026-05-30T22:30:00.000Z");
    expect(addCalendarMonths(new Date("2026-07-15T08:00:00Z"), 4).toISOString()).toBe("2026-11-15T09:00:00.000Z");
  });
});

describe("the intervention ladder", () => {
  it("ranks preventive measures lowest and residential care highest", () => {
    expect(ladderStep("PREVENTIVE_MEASURE")).toBe(1);
    expect(ladderStep("SAFETY_PLAN")).toBe(4);
    expect(ladderStep("RESIDENTIAL_CARE")).toBe(7);
  });
});

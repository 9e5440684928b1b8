import { INTERVENTION_LADDER, legalBasis } from "@samraad/access";
import { addCalendarMonths } from "@samraad/clocks";
import { describe, expect, it } from "vitest";
import { ladderStep } from "../src/domain/measure.ts";
import { validateMunicipalityMotivation } from "../src/domain/motivation.ts";

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

describe("each measure kind's legal basis (issue 23.8, docs/measures.md)", () => {
  it("names a paragraph of Barnets lov for every step of the ladder: supportive measures § 32, placements § 43", () => {
    for (const kind of INTERVENTION_LADDER) expect(legalBasis(kind)).toMatch(/^Barnets lov § \d+/);
    expect(legalBasis("FAMILY_TREATMENT")).toBe("Barnets lov § 32, stk. 1");
    for (const kind of INTERVENTION_LADDER.filter((k) => ladderStep(k) >= 5)) expect(legalBasis(kind)).toBe("Barnets lov § 43");
  });
});

describe("the municipality's motivation set points (issue 23)", () => {
  const input = { setPoint: "FOLLOW_UP" as const, childMotivation: "LOW" as const, familyMotivation: "LOW" as const, barriers: [] };
  it("come after the first answer to a recommendation", () => {
    expect(validateMunicipalityMotivation({ responses: 1, existing: null }, input).version).toBe(1);
    expect(() => validateMunicipalityMotivation({ responses: 0, existing: null }, input)).toThrow(/Answer the final note/);
  });
});

import { describe, expect, it } from "vitest";
import type { CaseRow } from "../src/data/rows.ts";
import { validateBoernehusMotivation } from "../src/domain/motivation.ts";

const course = (status: CaseRow["status"]) => ({ status }) as CaseRow;
const input = (setPoint: "PLANNING_SAMRAAD" | "FINAL_NOTE") => ({
  setPoint,
  childMotivation: "HIGH" as const,
  familyMotivation: "MIXED" as const,
  barriers: [],
});
const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
};

describe("the børnehus's motivation set points (issue 23)", () => {
  const state = { hasPlanningSamraad: true, hasFinalNote: true, existing: null };

  it("are recorded once the planning samråd is planned, and once the final note is drafted", () => {
    expect(validateBoernehusMotivation(course("ACTIVE"), state, input("PLANNING_SAMRAAD")).version).toBe(1);
    expect(
      codeOf(() => validateBoernehusMotivation(course("ACTIVE"), { ...state, hasPlanningSamraad: false }, input("PLANNING_SAMRAAD"))),
    ).toBe("INVALID_STATE_TRANSITION");
    expect(codeOf(() => validateBoernehusMotivation(course("ACTIVE"), { ...state, hasFinalNote: false }, input("FINAL_NOTE")))).toBe(
      "INVALID_STATE_TRANSITION",
    );
    expect(validateBoernehusMotivation(course("FINAL_NOTE"), state, input("FINAL_NOTE")).fields.setPoint).toBe("FINAL_NOTE");
  });

  it("are not recorded in a closed course", () => {
    expect(codeOf(() => validateBoernehusMotivation(course("CLOSED"), state, input("FINAL_NOTE")))).toBe("INVALID_STATE_TRANSITION");
  });
});

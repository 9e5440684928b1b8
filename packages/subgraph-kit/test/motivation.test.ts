import { describe, expect, it } from "vitest";
import { type MotivationInput, validateMotivation } from "../src/motivation.ts";

const input = (over: Partial<MotivationInput> = {}): MotivationInput => ({
  setPoint: "PLANNING_SAMRAAD",
  childMotivation: "HIGH",
  familyMotivation: "LOW",
  barriers: ["PARENTAL_RESISTANCE"],
  ...over,
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return [(e as { extensions: { code: string } }).extensions.code, (e as { extensions: { field?: string } }).extensions.field];
  }
  return null;
};

describe("a motivation record (issue 23)", () => {
  it("is recorded only by the sector that owns its set point", () => {
    expect(validateMotivation("BOERNEHUS", null, input()).version).toBe(1);
    expect(codeOf(() => validateMotivation("MUNICIPALITY", null, input()))).toEqual(["BAD_USER_INPUT", "setPoint"]);
    expect(codeOf(() => validateMotivation("BOERNEHUS", null, input({ setPoint: "FOLLOW_UP" })))).toEqual(["BAD_USER_INPUT", "setPoint"]);
    expect(validateMotivation("MUNICIPALITY", null, input({ setPoint: "FOLLOW_UP" })).fields.setPoint).toBe("FOLLOW_UP");
  });

  it("lists barriers once each, in the vocabulary's order; OTHER needs a short text and a text needs OTHER", () => {
    const { fields } = validateMotivation("BOERNEHUS", null, input({ barriers: ["OTHER", "LONG_COURSE"], otherBarrier: "  Flytning  " }));
    expect(fields.barriers).toEqual(["LONG_COURSE", "OTHER"]);
    expect(fields.otherBarrier).toBe("Flytning");
    expect(codeOf(() => validateMotivation("BOERNEHUS", null, input({ barriers: ["LONG_COURSE", "LONG_COURSE"] })))).toEqual([
      "BAD_USER_INPUT",
      "barriers",
    ]);
    expect(codeOf(() => validateMotivation("BOERNEHUS", null, input({ barriers: ["OTHER"], otherBarrier: " " })))).toEqual([
      "BAD_USER_INPUT",
      "otherBarrier",
    ]);
    expect(codeOf(() => validateMotivation("BOERNEHUS", null, input({ otherBarrier: "Flytning" })))).toEqual([
      "BAD_USER_INPUT",
      "otherBarrier",
    ]);
    expect(codeOf(() => validateMotivation("BOERNEHUS", null, input({ barriers: ["OTHER"], otherBarrier: "x".repeat(201) })))).toEqual([
      "BAD_USER_INPUT",
      "otherBarrier",
    ]);
    expect(validateMotivation("BOERNEHUS", null, input({ barriers: [] })).fields.barriers).toEqual([]);
  });

  it("has one record per set point: a new one without a version, a replacement with the version read", () => {
    expect(codeOf(() => validateMotivation("BOERNEHUS", { version: 2 }, input()))).toEqual(["CONFLICT", undefined]);
    expect(codeOf(() => validateMotivation("BOERNEHUS", { version: 2 }, input({ version: 1 })))).toEqual(["CONFLICT", undefined]);
    expect(codeOf(() => validateMotivation("BOERNEHUS", null, input({ version: 1 })))).toEqual(["CONFLICT", undefined]);
    expect(validateMotivation("BOERNEHUS", { version: 2 }, input({ version: 2 })).version).toBe(3);
  });
});

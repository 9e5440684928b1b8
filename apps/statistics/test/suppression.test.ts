import { describe, expect, it } from "vitest";
import { suppressCells } from "../src/domain/suppression.ts";

const counts = (o: Record<string, number>) => new Map(Object.entries(o));

describe("small-cell suppression", () => {
  it("suppresses cells with fewer than 5 children, zero included", () => {
    expect([...suppressCells(counts({ a: 4, b: 5, c: 0, d: 100 }), [])].sort()).toEqual(["a", "c"]);
  });

  it("hides a second cell where one alone could be worked out from the total", () => {
    // total 30 = 3 + 12 + 15: publishing 12 and 15 with the total gives the 3 away.
    const hidden = suppressCells(counts({ total: 30, a: 3, b: 12, c: 15 }), [{ total: "total", parts: ["a", "b", "c"] }]);
    expect([...hidden].sort()).toEqual(["a", "b"]);
  });

  it("hides a part when the total alone is small", () => {
    const hidden = suppressCells(counts({ total: 4, a: 0, b: 4 }), [{ total: "total", parts: ["a", "b"] }]);
    expect([...hidden].sort()).toEqual(["a", "b", "total"]);
    const alone = suppressCells(counts({ total: 3, a: 6, b: 7 }), [{ total: "total", parts: ["a", "b"] }]);
    expect(alone.size).not.toBe(1);
  });

  it("follows the chain through a hierarchy until no sum has exactly one hidden cell", () => {
    // country = r1 + r2; r1 = m1 + m2; r2 = m3 + m4. m1 is small; hiding m2 leaves r1 whole,
    // so nothing else is needed; but if r1 were small too, the country's sum must hide r2.
    const c = counts({ dk: 40, r1: 4, r2: 36, m1: 2, m2: 2, m3: 20, m4: 16 });
    const constraints = [
      { total: "dk", parts: ["r1", "r2"] },
      { total: "r1", parts: ["m1", "m2"] },
      { total: "r2", parts: ["m3", "m4"] },
    ];
    const hidden = suppressCells(c, constraints);
    for (const k of constraints) expect([k.total, ...k.parts].filter((id) => hidden.has(id)).length).not.toBe(1);
    expect(hidden.has("r2")).toBe(true);
  });

  it("keeps fixed cells as decided and hides an interior cell instead", () => {
    // The unit total (fixed: published) = two categories, one small: the other must go.
    const hidden = suppressCells(counts({ total: 20, x: 2, y: 18 }), [{ total: "total", parts: ["x", "y"] }], new Map([["total", false]]));
    expect([...hidden].sort()).toEqual(["x", "y"]);
  });
});

import { describe, expect, it } from "vitest";
import { MIN_CASEWORKERS, pinnedSmallCells, protectCells, suppressCells, suppressShares } from "../src/domain/suppression.ts";

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

  it("audits what several sums give away together, and hides more where the heuristic left a cell pinned", () => {
    // A 3 × 3 table with margins. Primary: x11 = 2, x12 = 0, x22 = 0. The one-suppression rule adds
    // x21 (row 2) and stops: every line has two hidden cells. But column 2 is 0 + 0 + 8 = 8 with
    // x32 = 8 published, so x12 = x22 = 0, and then row 1 gives x11 = 12 − 10 − 0 = 2.
    const c = counts({ x11: 2, x12: 0, x13: 10, x21: 6, x22: 0, x23: 9, x31: 7, x32: 8, x33: 11 });
    for (const [k, v] of Object.entries({ r1: 12, r2: 15, r3: 26, c1: 15, c2: 8, c3: 30, g: 53 })) c.set(k, v);
    const constraints = [
      { total: "r1", parts: ["x11", "x12", "x13"] },
      { total: "r2", parts: ["x21", "x22", "x23"] },
      { total: "r3", parts: ["x31", "x32", "x33"] },
      { total: "c1", parts: ["x11", "x21", "x31"] },
      { total: "c2", parts: ["x12", "x22", "x32"] },
      { total: "c3", parts: ["x13", "x23", "x33"] },
      { total: "g", parts: ["r1", "r2", "r3"] },
      { total: "g", parts: ["c1", "c2", "c3"] },
    ];
    const audit = { order: c, constraints, audit: [{ values: c }] };
    expect(pinnedSmallCells(audit, new Set(["x11", "x12", "x22", "x21"]))).toEqual(["x11"]);
    const hidden = suppressCells(c, constraints);
    expect(pinnedSmallCells(audit, hidden)).toEqual([]);
    for (const k of constraints) expect([k.total, ...k.parts].filter((id) => hidden.has(id)).length).not.toBe(1);
  });

  it("withholds a caseload resting on fewer than 5 caseworkers, and a second one so it cannot be subtracted", () => {
    // A region of three municipalities: 3, 8 and 7 caseworkers holding 21, 32 and 28 open courses.
    // m1 has children enough but only 3 caseworkers; with the region published, 18 − 8 − 7 = 3.
    const caseworkers = counts({ r: 18, m1: 3, m2: 8, m3: 7 });
    const open = counts({ r: 81, m1: 21, m2: 32, m3: 28 });
    const constraints = [{ total: "r", parts: ["m1", "m2", "m3"] }];
    const primary = [...caseworkers].filter(([id, n]) => n < MIN_CASEWORKERS || (open.get(id) ?? 0) < 5).map(([id]) => id);
    const input = { order: open, primary, constraints, audit: [{ values: open }, { values: caseworkers }] };
    const hidden = protectCells(input);
    expect([...hidden].sort()).toEqual(["m1", "m3"]);
    expect(pinnedSmallCells(input, hidden)).toEqual([]);
  });

  it("publishes a share only where its numerator and complement are 5 or more, and protects the numerators by differencing", () => {
    // Bases 40 = 10 + 15 + 15, all published; with a measure: 15 = 3 + 7 + 5. p1's 3/10 gives 3 away;
    // with p1 alone withheld, 15 − 7 − 5 = 3 again, so a second share goes (the smallest numerator).
    const bases = counts({ t: 40, p1: 10, p2: 15, p3: 15 });
    const numerators = counts({ t: 15, p1: 3, p2: 7, p3: 5 });
    const constraints = [{ total: "t", parts: ["p1", "p2", "p3"] }];
    const shares = suppressShares({ bases, numerators, baseSuppressed: new Set(), constraints });
    expect([...shares].sort()).toEqual(["p1", "p3"]);
    // The complement counts as much: 9 of 10 leaves 1 without.
    const complement = suppressShares({
      bases: counts({ x: 10 }),
      numerators: counts({ x: 9 }),
      baseSuppressed: new Set(),
      constraints: [],
    });
    expect([...complement]).toEqual(["x"]);
    // Nested shares (any support ⊇ measure): 6/20 and 9/20 would give the 3 with other support only away.
    const nested = suppressShares({
      bases: counts({ x: 20 }),
      numerators: counts({ x: 9 }),
      baseSuppressed: new Set(),
      constraints: [],
      nested: { numerators: counts({ x: 6 }), suppressed: new Set() },
    });
    expect([...nested]).toEqual(["x"]);
  });
});

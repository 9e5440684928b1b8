import { describe, expect, it } from "vitest";
import { iso } from "../src/dates.ts";
import { Random, WeightedTable } from "../src/random.ts";

describe("Random", () => {
  it("is a pure function of seed and stream", () => {
    const draw = (seed: number, stream: number) => {
      const r = new Random(seed, stream);
      return Array.from({ length: 5 }, () => r.uint32());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
  });

  it("makes version-4 UUIDs", () => {
    const r = new Random(42);
    const ids = Array.from({ length: 10_000 }, () => r.uuid());
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !uuid.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draws in range and by weight", () => {
    const r = new Random(7);
    const counts = { a: 0, b: 0 };
    const table = new WeightedTable<"a" | "b">([
      ["a", 1],
      ["b", 3],
    ]);
    let outOfRange = 0;
    for (let i = 0; i < 20_000; i++) {
      const n = r.int(3, 5);
      if (n < 3 || n > 5) outOfRange++;
      counts[table.sample(r)]++;
    }
    expect(outOfRange).toBe(0);
    expect(counts.b / 20_000).toBeCloseTo(0.75, 1);
  });
});

describe("iso", () => {
  it("formats like Date#toISOString", () => {
    const r = new Random(3);
    const mismatches: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const ms = Math.floor(r.float(0, 4e12));
      if (iso(ms) !== new Date(ms).toISOString()) mismatches.push(ms);
    }
    expect(mismatches).toEqual([]);
  });
});

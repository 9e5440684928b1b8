import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_WORLD, type GenerateOptions, generateWorld } from "../src/index.ts";

/**
 * The generated world is pinned: the same seed gives the same world, byte for byte, before and
 * after a change to how the generator is written (issue 22, point 7: generateCourse split into
 * one function per step of the course). The hashes were taken on the code before that change.
 * A change that means to alter the world updates them, and says so in its commit; then the
 * test stack's seeded templates are rebuilt (they are keyed on the seed code anyway).
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const fingerprint = (options: GenerateOptions) =>
  createHash("sha256")
    .update(JSON.stringify(canonical(generateWorld(options))))
    .digest("hex");

describe("the generated world", () => {
  it.each([
    ["the default world", {}, "4772e0be1d2fbe29cda09fe14a2d560f4f3f2e760740cb71e776008a790c137c"],
    ["the demo world", { ...DEMO_WORLD, until: "2026-12-06" }, "8d22acd5c795ac0ffdfc9f91f2e5981741152fbf964a38bd459693b06f54e01f"],
    [
      "a world of whole courses",
      { seed: 7, courses: 3000, coursesPerYear: 300, until: "2027-03-15T10:30:00Z" },
      "4a38f01a4d07d6eee90cfc2f689f9880e957dbc578ad50c25650d29a25e08d8e",
    ],
  ] as const)("%s is the same for the same seed", (_name, options, expected) => {
    expect(fingerprint(options)).toBe(expected);
  });
});

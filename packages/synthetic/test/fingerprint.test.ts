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

const hash = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
const fingerprint = (options: GenerateOptions) => hash(generateWorld(options));
/** The world as it was before issue 23 added the motivation records (drawn from their own stream). */
const withoutMotivation = (options: GenerateOptions) => {
  const world = generateWorld(options);
  return hash({ ...world, courses: world.courses.map(({ motivationRecords: _, ...course }) => course) });
};

describe("the generated world", () => {
  it.each([
    [
      "the default world",
      {},
      "3b938eba48d6625c11fcdcf7cf3c97070dbcf020a0f02169a4ad606eb4c8e9f8",
      "4772e0be1d2fbe29cda09fe14a2d560f4f3f2e760740cb71e776008a790c137c",
    ],
    [
      "the demo world",
      { ...DEMO_WORLD, until: "2026-12-06" },
      "aa7516079b8aa6572192c3157d478c47b9eb6199bc21025f5761abc241e1be12",
      "697524a595efac782b2dc84211cb56bacb5790245e717539af2d6bc84e55bee9",
    ],
    [
      "a world of whole courses",
      { seed: 7, courses: 3000, coursesPerYear: 300, until: "2027-03-15T10:30:00Z" },
      "ad8578a2dbc6738a2ceb5e78c640bebd1794da0da1abf382c623526417e1b1b3",
      "86a1b38e87e837e9498d91c6ac41c23373d8725b0d76d4a30154c456cf9def50",
    ],
  ] as const)(
    "%s is the same for the same seed, and the same as before issue 23 but for the motivation records",
    (_name, options, expected, before) => {
      expect(fingerprint(options)).toBe(expected);
      expect(withoutMotivation(options)).toBe(before);
    },
  );
});

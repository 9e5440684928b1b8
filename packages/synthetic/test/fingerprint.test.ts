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
      "e9306d51f708156b337c5674a72ad2177be839790a861a01a3942c18f4fe7cdc",
      "8d22acd5c795ac0ffdfc9f91f2e5981741152fbf964a38bd459693b06f54e01f",
    ],
    [
      "a world of whole courses",
      { seed: 7, courses: 3000, coursesPerYear: 300, until: "2027-03-15T10:30:00Z" },
      "5f455c7ab7a29abfe7b542848dbc38762978aef8f78702ba0c4b41f2051bd9ce",
      "4a38f01a4d07d6eee90cfc2f689f9880e957dbc578ad50c25650d29a25e08d8e",
    ],
  ] as const)(
    "%s is the same for the same seed, and the same as before issue 23 but for the motivation records",
    (_name, options, expected, before) => {
      expect(fingerprint(options)).toBe(expected);
      expect(withoutMotivation(options)).toBe(before);
    },
  );
});

import { defineConfig } from "vitest/config";
import { PACKAGE_TEST_OPTIONS } from "./scripts/vitest.shared.ts";
import LaneSequencer from "./tests/sequencer.ts";

// Two projects: every package's own tests ("units") and the cross-service tests ("tests").
// A worker serves one project: vitest starts a new one, and loads Prisma, graphql, PGlite's
// WASM and the services' modules again, whenever the next file belongs to another project.
// With a project per package that happened 17 times a run; the packages' 62 files as one
// project cost about 35% less CPU (170 s → 109 s, measured under the same load). One
// package's tests alone: `npx vitest run apps/police` (or its own vitest.config.ts,
// `cd apps/police && npx vitest run`).
// Three files at a time on two cores (vitest's default there is one): the cross-service stacks
// start from seeded templates, so no file needs to run alone, and a browser file waits about half
// its time (on Chromium, on a live update), so a third file fills the cores while it does.
// Measured on the quiet 2-core machine, the whole suite: 511 s with two workers, 455 s with three
// (CPU 695 s and 610 s); the live test's "within 2 s" saw its change after 633 ms.
export default defineConfig({
  test: {
    maxWorkers: 3,
    // Some workers take the files that mostly wait (browsers, processes), the others the busy ones.
    sequence: { sequencer: LaneSequencer },
    projects: [
      {
        test: { name: "units", include: ["{apps,packages}/*/test/**/*.test.ts"], ...PACKAGE_TEST_OPTIONS },
      },
      "tests/vitest.config.ts",
    ],
  },
});

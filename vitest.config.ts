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
// Two files at a time (vitest's default on two cores is one): the cross-service stacks start
// from seeded templates, so a file is mostly its tests; no file needs to run alone.
export default defineConfig({
  test: {
    maxWorkers: 2,
    // Once per run, before the workers: old seeded templates go (scripts/pruneTestTemplates.ts).
    globalSetup: ["./scripts/pruneTestTemplates.ts"],
    // One worker takes the files that mostly wait (browsers, processes), the other the busy ones.
    sequence: { sequencer: LaneSequencer },
    projects: [
      {
        test: { name: "units", include: ["{apps,packages}/*/test/**/*.test.ts"], ...PACKAGE_TEST_OPTIONS },
      },
      "tests/vitest.config.ts",
    ],
  },
});

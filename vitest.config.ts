import { defineConfig } from "vitest/config";
import LaneSequencer from "./tests/sequencer.ts";

// One project per package, so `npx vitest run --project police` runs one subgraph's tests.
// Two files at a time (vitest's default on two cores is one): the cross-service stacks start
// from seeded templates, so a file is mostly its tests; no file needs to run alone.
export default defineConfig({
  test: {
    maxWorkers: 2,
    // One worker takes the files that mostly wait (browsers, processes), the other the busy ones.
    sequence: { sequencer: LaneSequencer },
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tests/vitest.config.ts"],
  },
});

import { defineConfig } from "vitest/config";

// One project per package, so `npx vitest run --project police` runs one subgraph's tests.
// Two files at a time (vitest's default on two cores is one): the cross-service stacks start
// from seeded templates, so a file is mostly its tests. tests/vitest.serial.config.ts holds
// the files that still run alone.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tests/vitest.config.ts", "tests/vitest.serial.config.ts"],
  },
});

import { defineConfig } from "vitest/config";

// One project per package, so `npx vitest run --project police` runs one subgraph's tests.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tests/vitest.config.ts"],
  },
});

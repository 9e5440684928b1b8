import { basename, dirname } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The one vitest setting every package shares: name from the folder, tests under test/.
 * `isolate: false`: a worker runs file after file of the package in one process, so Prisma,
 * graphql, Apollo and PGlite's WASM are loaded and compiled once per worker, not once per file
 * (the børnehus's 7 files: 77 → 46 s of CPU). Each file still starts its own subgraph on its
 * own database; a file that changes process.env puts it back, or sets what only it reads.
 */
export const PACKAGE_TEST_OPTIONS = { isolate: false, testTimeout: 60_000, hookTimeout: 120_000 };

/** One package's own tests, run from its folder (`cd apps/police && npx vitest run`). */
export function packageTestConfig(configUrl: string) {
  const dir = dirname(new URL(configUrl).pathname);
  return defineConfig({
    test: { name: basename(dir), root: dir, include: ["test/**/*.test.ts"], ...PACKAGE_TEST_OPTIONS },
  });
}

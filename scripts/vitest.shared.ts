import { basename, dirname } from "node:path";
import { defineConfig } from "vitest/config";

/** The one vitest setting every package shares: name from the folder, tests under test/. */
export function packageTestConfig(configUrl: string) {
  const dir = dirname(new URL(configUrl).pathname);
  return defineConfig({
    test: {
      name: basename(dir),
      root: dir,
      include: ["test/**/*.test.ts"],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}

import { basename, dirname } from "node:path";
import { defineConfig } from "vitest/config";

const dir = dirname(new URL(import.meta.url).pathname);
// Cross-service tests start whole stacks: one file at a time keeps two cores usable.
export default defineConfig({
  test: { name: basename(dir), root: dir, include: ["**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
});

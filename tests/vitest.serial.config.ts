import { dirname } from "node:path";
import { defineConfig } from "vitest/config";
import { SERIAL_TESTS, STACK_TIMEOUTS } from "./vitest.shared.ts";

const dir = dirname(new URL(import.meta.url).pathname);
// Browser, process and performance tests: one file at a time, after the parallel ones.
export default defineConfig({
  test: { name: "tests-serial", root: dir, include: SERIAL_TESTS, fileParallelism: false, ...STACK_TIMEOUTS },
});

import { basename, dirname } from "node:path";
import { defineConfig } from "vitest/config";
import { SERIAL_TESTS, STACK_TIMEOUTS } from "./vitest.shared.ts";

const dir = dirname(new URL(import.meta.url).pathname);
// Cross-service tests that may run beside another file (the rest: vitest.serial.config.ts).
export default defineConfig({
  test: { name: basename(dir), root: dir, include: ["**/*.test.ts"], exclude: ["**/node_modules/**", ...SERIAL_TESTS], ...STACK_TIMEOUTS },
});

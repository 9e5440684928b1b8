import { basename, dirname } from "node:path";
import { defineConfig } from "vitest/config";
import { SERIAL_TESTS, STACK_TIMEOUTS } from "./vitest.shared.ts";

const dir = dirname(new URL(import.meta.url).pathname);
// Cross-service tests that may run beside another file (the rest: vitest.serial.config.ts).
// `isolate: false`: each of the two workers runs file after file in one process, so the
// services' modules are loaded, PGlite's WASM compiled and the supergraph composed once per
// worker, not once per file (about 10 s of CPU a file). Every file still starts its own stack
// on its own databases; a file that changes process.env or a prototype puts it back.
export default defineConfig({
  test: {
    name: basename(dir),
    root: dir,
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ...SERIAL_TESTS],
    isolate: false,
    ...STACK_TIMEOUTS,
  },
});

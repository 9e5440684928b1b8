import { basename, dirname } from "node:path";
import { defineConfig } from "vitest/config";
import { POLL_DEFAULTS, STACK_TIMEOUTS } from "./vitest.shared.ts";

const dir = dirname(new URL(import.meta.url).pathname);
// Every cross-service test file runs beside another one: each starts its own stack from seeded
// templates on its own databases and ports; the browser files drive their own Chromium; the files
// that run services as processes build their bundles into a folder of their own process
// (support/serviceProcess.ts), so none rewrites a bundle another one loaded.
// `isolate: false`: each of the two workers runs file after file in one process, so the
// services' modules are loaded, PGlite's WASM compiled and the supergraph composed once per
// worker, not once per file (about 10 s of CPU a file). Every file still starts its own stack
// on its own databases; a file that changes process.env or a prototype puts it back.
export default defineConfig({
  test: {
    name: basename(dir),
    root: dir,
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    isolate: false,
    ...STACK_TIMEOUTS,
    ...POLL_DEFAULTS,
  },
});

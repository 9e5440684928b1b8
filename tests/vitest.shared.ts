/**
 * The cross-service test files that run one at a time, after everything else: the tests that
 * spawn services as processes from bundles they build (two files building the same bundle at
 * once would rewrite a file a running process loaded). Every other file starts its own stack
 * from seeded templates (stack.ts) and runs beside one other file: the browser tests too (each
 * builds the web app into its own folder and drives its own Chromium), and the performance
 * tests, which count (statements, listeners, batches), never time. A file in this list leaves
 * the second core idle while it runs, so only what must be alone belongs here.
 */
export const SERIAL_TESTS = [
  "build/**/*.test.ts",
  "observability/tracing.test.ts",
  "writes/killUnderWrites.test.ts",
  "writes/gracefulShutdown.test.ts",
  "replicas/**/*.test.ts",
];

export const STACK_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 180_000 };

/**
 * The cross-service test files that run one at a time, after everything else: the browser
 * tests, and the tests that spawn services as processes from bundles they build (two files
 * building the same bundle at once would rewrite a file a running process loaded). Every
 * other file starts its own stack from seeded templates (stack.ts) and runs beside one other
 * file: also the performance tests, which count (statements, listeners, batches), never time.
 */
export const SERIAL_TESTS = [
  "e2e/**/*.test.ts",
  "build/**/*.test.ts",
  "observability/tracing.test.ts",
  "writes/killUnderWrites.test.ts",
  "writes/gracefulShutdown.test.ts",
  "replicas/**/*.test.ts",
];

export const STACK_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 180_000 };

/**
 * The cross-service test files that run one at a time, after everything else: the browser
 * tests, the tests that spawn services as processes (bundles, signals, kills), and the
 * performance tests, whose timings and counts should not share the two cores with another
 * stack. Every other file starts its own stack from seeded templates (stack.ts) and runs
 * beside one other file.
 */
export const SERIAL_TESTS = [
  "e2e/**/*.test.ts",
  "performance/**/*.test.ts",
  "build/**/*.test.ts",
  "observability/tracing.test.ts",
  "writes/killUnderWrites.test.ts",
  "writes/gracefulShutdown.test.ts",
  "hardening/rateLimit.test.ts",
  "hardening/trustedDocuments.test.ts",
  "replicas/**/*.test.ts",
];

export const STACK_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 180_000 };

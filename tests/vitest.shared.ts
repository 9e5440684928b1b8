export const STACK_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 180_000 };

/**
 * What an `expect.poll` waits for before it fails: a round trip through the stack (a write, a
 * live update, a refetch) takes well under a second on a quiet machine but several on a loaded
 * one, and vitest's default of 1 s made browser tests fail on load alone. A poll that passes
 * returns as soon as it does, so a long limit costs nothing.
 */
export const POLL_DEFAULTS = { expect: { poll: { timeout: 15_000, interval: 100 } } };

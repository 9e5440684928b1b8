export const STACK_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 180_000 };

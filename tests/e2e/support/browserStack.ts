import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Stack, startStack } from "../../support/stack.ts";
import { launchChromium, screenshotter } from "./browser.ts";
import { serveWebAppFor, type WebApp } from "./web.ts";

export interface BrowserStack {
  readonly stack: Stack;
  readonly web: WebApp;
  /** The file's Chromium: each person signs in in a context of their own (session.ts, signIn). */
  readonly browser: Browser;
  readonly shots: ReturnType<typeof screenshotter>;
}

/**
 * What a browser test file runs against: its own stack, the web app as users get it, and
 * Chromium; started before the file's tests and stopped after them. `prepare` runs on the
 * stack before the browser opens (e.g. a statistics extraction). Screenshots go to
 * tests/artifacts/screenshots/<suite>/.
 */
export function useBrowserStack(
  suite: string,
  options: Parameters<typeof startStack>[0],
  prepare?: (stack: Stack) => Promise<unknown>,
): BrowserStack {
  const shots = screenshotter(suite);
  let started: { stack: Stack; web?: WebApp; browser?: Browser } | undefined;
  const part = <K extends "stack" | "web" | "browser">(key: K) => {
    const value = started?.[key];
    if (!value) throw new Error(`the browser stack's ${key} is used before beforeAll started it`);
    return value as NonNullable<NonNullable<typeof started>[K]>;
  };
  beforeAll(async () => {
    const stack = await startStack(options);
    started = { stack };
    await prepare?.(stack);
    [started.web, started.browser] = await Promise.all([serveWebAppFor(stack), launchChromium()]);
  }, 600_000);
  afterAll(async () => {
    await started?.browser?.close();
    await started?.web?.stop();
    await started?.stack.stop();
    console.log(`Screenshots (${suite}): ${shots.dir}`);
  });
  return {
    get stack() {
      return part("stack");
    },
    get web() {
      return part("web");
    },
    get browser() {
      return part("browser");
    },
    shots,
  };
}

import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Stack, startStack } from "../../support/stack.ts";
import { launchChromium, launchProfile, screenshotter } from "./browser.ts";
import { serveWebAppFor, type WebApp } from "./web.ts";

export interface BrowserStack {
  readonly stack: Stack;
  readonly web: WebApp;
  /** The file's browser: one Chromium profile, each person in a window of their own (support/browser.ts says why). */
  readonly profile: BrowserContext;
  /** A Chromium for a context of its own (its own clock to move, its own storage), started on first use. */
  isolatedBrowser(): Promise<Browser>;
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
  let started: { stack: Stack; web?: WebApp; profile?: Awaited<ReturnType<typeof launchProfile>>; isolated?: Promise<Browser> } | undefined;
  const part = <K extends "stack" | "web" | "profile">(key: K) => {
    const value = started?.[key];
    if (!value) throw new Error(`the browser stack's ${key} is used before beforeAll started it`);
    return value as NonNullable<NonNullable<typeof started>[K]>;
  };
  beforeAll(async () => {
    const stack = await startStack(options);
    started = { stack };
    await prepare?.(stack);
    [started.web, started.profile] = await Promise.all([serveWebAppFor(stack), launchProfile(stack.clock)]);
  }, 600_000);
  afterAll(async () => {
    await started?.profile?.close();
    await (await started?.isolated)?.close();
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
    get profile() {
      return part("profile").context;
    },
    isolatedBrowser() {
      if (!started) throw new Error("the browser stack is used before beforeAll started it");
      started.isolated ??= launchChromium();
      return started.isolated;
    },
    shots,
  };
}

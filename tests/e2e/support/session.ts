import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { DANISH, describeViolations, seriousAxeViolations } from "./browser.ts";
import type { BrowserStack } from "./browserStack.ts";
import type { WebApp } from "./web.ts";

/** axe-core finds no serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The page each role lands on after login (issue 20, point 5): its heading. */
export function landingHeading(persona: string): string {
  if (persona.startsWith("leader-")) return "Ledelsesoverblik";
  if (persona.startsWith("analyst-")) return "Statistik";
  if (persona.startsWith("dpo-")) return "Databeskyttelse";
  return "Mine sager";
}

/**
 * A fresh browser context (no shared storage) in Danish, whose clock starts where the stack's
 * does and then runs on (Playwright's clock): a form's "now" is the services' now, whatever the
 * machine's date (one clock, DESIGN.md 6a).
 */
export async function newDanishContext(browser: Browser, web: Pick<WebApp, "clock">): Promise<BrowserContext> {
  const context = await browser.newContext(DANISH);
  await context.clock.install({ time: web.clock.now() });
  return context;
}

/**
 * A page in a fresh context of the file's browser (newDanishContext): a person with no session
 * yet. Closing the page closes its context, so a closed page is a signed-out person.
 */
export async function freshPage(e2e: Pick<BrowserStack, "browser" | "web">): Promise<Page> {
  const context = await newDanishContext(e2e.browser, e2e.web);
  const page = await context.newPage();
  page.once("close", () => void context.close().catch(() => {}));
  return page;
}

/** A fresh page, signed in as a demo persona through the login page. Close it (`page.close()`) to sign out. */
export async function signIn(e2e: Pick<BrowserStack, "browser" | "web">, persona: string): Promise<Page> {
  const page = await freshPage(e2e);
  await page.goto(`${e2e.web.url}/login`);
  await page.locator(`button[data-persona="${persona}"]`).click();
  await page.getByRole("heading", { level: 1, name: landingHeading(persona) }).waitFor();
  return page;
}

/** Finds the case in "Mine sager" by the child's name and opens it. */
export async function openCase(page: Page, childName: string) {
  await page.getByLabel("Søg").fill(childName);
  await page.getByRole("link", { name: `Sag for ${childName}` }).click();
  await page.getByRole("heading", { level: 1, name: `Sag for ${childName}` }).waitFor();
  // The clocks load after the case, and the page goes live: let both happen before the next
  // step (not "networkidle": the live stream keeps a request open while the page is).
  await page.locator('[data-clocks-loaded="yes"] [data-live-state="live"]').waitFor();
}

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
 * A new window of the file's browser, signed in as a demo persona through the login page. The
 * window is the session (sessionStorage): close it (`page.close()`) to sign out.
 */
export async function signIn(e2e: Pick<BrowserStack, "profile" | "web">, persona: string): Promise<Page> {
  return signInOn(await newWindow(e2e.profile), e2e.web, persona);
}

/** Signs a demo persona in through the login page, on a page that has no session yet. */
export async function signInOn(page: Page, web: Pick<WebApp, "url">, persona: string): Promise<Page> {
  await page.goto(`${web.url}/login`);
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

/**
 * A page in a window of its own. Chromium's newPage() in a profile opens a tab beside the
 * others, and a tab that is not in front draws no frames: every click in it waited about 2 s
 * for Playwright's "stable" check (wholeCourse.test.ts: 42 s → 61 s).
 */
export async function newWindow(profile: BrowserContext): Promise<Page> {
  const opener = profile.pages()[0] ?? (await profile.newPage());
  const cdp = await profile.newCDPSession(opener);
  try {
    const [page] = await Promise.all([
      profile.waitForEvent("page"),
      cdp.send("Target.createTarget", { url: "about:blank", newWindow: true }),
    ]);
    return page;
  } finally {
    await cdp.detach();
  }
}

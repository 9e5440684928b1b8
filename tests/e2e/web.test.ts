import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";
import { describeViolations, launchChromium, screenshotter, seriousAxeViolations } from "./support/browser.ts";
import { serveWebApp } from "./support/web.ts";

// The web app in Debian's Chromium against the real stack: persona login, my cases, a case
// page with every sector's panel, restricted fields shown with their reason; axe on every page.
let stack: Stack;
let web: Awaited<ReturnType<typeof serveWebApp>>;
let browser: Browser;
const shots = screenshotter("web");

beforeAll(async () => {
  stack = await startStack({ courses: 40 });
  [web, browser] = await Promise.all([serveWebApp(stack.gatewayUrl), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await stack?.stop();
  console.log(`Screenshots: ${shots.dir}`);
});

async function expectAccessible(page: Page) {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function loginAs(page: Page, persona: string) {
  await page.goto(`${web.url}/login`);
  await page.locator(`button[data-persona="${persona}"]`).click();
  await page.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
}

describe("the web app in Chromium", () => {
  it("logs a caseworker in, lists her cases and opens one with every sector's panel", async () => {
    const page = await browser.newPage();
    await page.goto(web.url);
    await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("da");
    await expectAccessible(page);
    await shots.shot(page, "login");

    await loginAs(page, "caseworker-kbh");
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.medicalExaminations.length > 0 && c.police !== null);
    const row = page.locator(`tr[data-case-id="${course.caseId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(course.child.firstName);
    await expectAccessible(page);
    await shots.shot(page, "my-cases");

    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: `Sag for ${course.child.firstName} ${course.child.lastName}` }).waitFor();
    for (const panel of ["Kommunen", "Politiet", "Sundhedsvæsenet", "Børnehuset"]) {
      await page.getByRole("heading", { level: 3, name: panel }).waitFor();
    }
    // The caseworker is not health care: clinical details are restricted, with the reason.
    const health = page.locator('section[data-sector="HEALTH"]');
    await expect(health.locator('[data-coordinate="MedicalExamination.clinicalDetails"]').first().textContent()).resolves.toBe(
      "Begrænset: Kun sundhedsvæsenet",
    );
    // ... but her own sector's CPR number is hers to see.
    await expect(page.locator('section[data-sector="MUNICIPALITY"]').textContent()).resolves.toContain(course.child.cpr);
    await expectAccessible(page);
    await shots.shot(page, "case");
    await page.close();
  });
});

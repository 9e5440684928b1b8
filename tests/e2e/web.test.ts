import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";
import { launchChromium, screenshotter } from "./support/browser.ts";
import { expectAccessible, signIn } from "./support/session.ts";
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
  // The last test stopped the police subgraph already.
  await stack?.stop().catch(() => {});
  console.log(`Screenshots: ${shots.dir}`);
});

describe("the web app in Chromium", () => {
  it("logs a caseworker in, lists her cases and opens one with every sector's panel", async () => {
    const page = await browser.newPage();
    await page.goto(web.url);
    await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("da");
    await expectAccessible(page);
    await shots.shot(page, "login");

    await page.locator('button[data-persona="caseworker-kbh"]').click();
    await page.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
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
    // Every sector's deadline clocks, as traffic lights with words.
    await page.locator(".overview [data-clock=NOTIFICATION_ASSESSMENT]").first().waitFor();
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
  it("speaks English when asked, and remembers it", async () => {
    const page = await signIn(browser, web.url, "leader-kbh");
    await page.getByLabel("Sprog").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "My cases" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "My cases" }).waitFor();
    await page.getByRole("link", { name: "Leader dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Leader dashboard" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Cases per caseworker" }).waitFor();
    await expectAccessible(page);
    await shots.shot(page, "dashboard-en");
    await page.context().close();
  });

  it("warns before the 15-minute idle timeout and then logs out", async () => {
    const context = await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen" });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${web.url}/login`);
    await page.locator('button[data-persona="caseworker-kbh"]').click();
    await page.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
    await page.clock.fastForward("13:05");
    const dialog = page.getByRole("dialog", { name: "Er du der stadig?" });
    await dialog.waitFor();
    await expectAccessible(page);
    await shots.shot(page, "idle-warning");
    await page.getByRole("button", { name: "Forbliv logget ind" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Answering the warning starts a new 15 minutes: no warning 12 minutes later, logged out after 15.
    await page.clock.fastForward("12:00");
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.clock.fastForward("03:10");
    await page.getByText("Du blev logget ud efter 15 minutters inaktivitet.").waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem("samraad.session"))).resolves.toBeNull();
    await context.close();
  });

  // Last: it stops the police subgraph.
  it("says so in the police panel when the police subgraph is down, and the rest of the case still works", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.police !== null);
    await stack.subgraphs.police.stop();
    const page = await signIn(browser, web.url, "caseworker-kbh");
    await page.goto(`${web.url}/cases/${course.caseId}`);
    await page.getByRole("heading", { level: 1, name: `Sag for ${course.child.firstName} ${course.child.lastName}` }).waitFor();
    await page.locator('section[data-sector="POLICE"]').getByText("Politiets data er ikke tilgængelige lige nu.").waitFor();
    await expect(page.locator('section[data-sector="MUNICIPALITY"]').textContent()).resolves.toContain(course.child.cpr);
    await expect(page.locator('section[data-sector="BOERNEHUS"] .unavailable').count()).resolves.toBe(0);
    await expectAccessible(page);
    await shots.shot(page, "police-down");
    await page.context().close();
  });
});

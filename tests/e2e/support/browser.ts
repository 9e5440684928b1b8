import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import { type Browser, chromium, type Page } from "playwright-core";

const require = createRequire(import.meta.url);
/** axe-core's bundled source (about 550 kB of minified JavaScript). */
export const AXE_SOURCE: string = (require("axe-core") as { source: string }).source;
/**
 * Where the test's web server serves axe-core (support/web.ts). Loaded by URL, Chromium
 * streams and compiles it off the main thread and keeps its compiled code in the context's
 * cache; injected as inline text over the DevTools protocol (addScriptTag({ content })) it
 * cost about 2.5 times as much per page, and it is the larger part of an accessibility check.
 */
export const AXE_PATH = "/__test/axe-core.js";

export const SCREENSHOT_DIR = join(REPO_ROOT, "tests", "artifacts", "screenshots");

/**
 * Debian's headless Chromium (apt-get install chromium-headless-shell; .ci/run installs it): a
 * test tool's own browser download is not possible here. The headless shell is the same
 * Chromium build (Blink, V8, the same version as Debian's `chromium`) without the desktop
 * browser's window and UI layer, and it is what Playwright itself runs for headless tests. The
 * browser files cost the machine 501 s of CPU on the full `chromium` and 292 s on the shell
 * (tests/e2e on two workers: 257 → 155 s). Without the shell the full browser is used, slower.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const CHROMIUM = {
  executablePath: process.env.SAMRAAD_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium"),
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
};

/** Where the Danish users of the tests are: their language, their time zone, a laptop's screen. */
export const DANISH = { locale: "da-DK", timezoneId: "Europe/Copenhagen", viewport: { width: 1280, height: 900 } };

/**
 * A test file's Chromium; each person gets a fresh context of it (session.ts, signIn), with
 * its own cookies, storage and clock. (A profile with a window per person kept the compiled
 * web app between sign-ins and saved 8% on the full `chromium`. On the shell it costs more:
 * tests/e2e took 292 s of CPU and 155 s on two workers with it, 268 s and 141 s without.)
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core against WCAG 2.1 A and AA: the serious and critical violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // A page of another origin (no test route there) gets the text itself.
    await page.addScriptTag({ url: AXE_PATH }).catch(() => page.addScriptTag({ content: AXE_SOURCE }));
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`)
    .join("\n");
}

/**
 * Whether every named step keeps a screenshot. Off in a plain `npm test`: a full-page PNG
 * costs about half a second of CPU and asserts nothing (about a tenth of a browser file's
 * CPU). `SAMRAAD_SCREENSHOTS=1 npm test` keeps them for review; a failure always keeps one
 * of every open page.
 */
const STEP_SCREENSHOTS = process.env.SAMRAAD_SCREENSHOTS === "1";

/** Full-page screenshots kept as test artifacts (tests/artifacts/screenshots/<suite>/). */
export function screenshotter(suite: string) {
  const dir = join(SCREENSHOT_DIR, suite);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    dir,
    async shot(page: Page, name: string): Promise<string> {
      n += 1;
      const path = join(dir, `${String(n).padStart(2, "0")}-${name}.png`);
      if (STEP_SCREENSHOTS) await page.screenshot({ path, fullPage: true });
      return path;
    },
    /** Runs a browser scenario; when it fails, keeps a screenshot of every open page. */
    async onFailure(browser: Browser, scenario: () => Promise<void>): Promise<void> {
      try {
        await scenario();
      } catch (error) {
        const pages = browser.contexts().flatMap((c) => c.pages());
        for (const [i, page] of pages.entries())
          await page.screenshot({ path: join(dir, `failure-${i}.png`), fullPage: true }).catch(() => {});
        throw error;
      }
    },
  };
}

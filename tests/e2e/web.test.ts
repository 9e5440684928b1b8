import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, freshPage, signIn } from "./support/session.ts";

// The web app in Debian's Chromium against the real stack: persona login, my cases, a case
// page with every sector's panel, restricted fields shown with their reason, the leader
// dashboard from the statistics service, a leader's restricted cases and breaking the glass;
// axe on every page.
// Enough courses in the newest year that Copenhagen's figures are published (5 children or more).
const e2e = useBrowserStack("web", { courses: 120, statistics: true });

interface StatisticsRowData {
  level: string;
  unitCode: string;
  unitName: string;
  coursesStarted: number | null;
  coursesPer1000Children: number | null;
  measureWithin6MonthsShare: number | null;
  suppressed: string[];
  suppressedShares: string[];
}

/** A statistics table through the gateway, as a persona sees it (the figures the page must show). */
async function statisticsRows(persona: string, level: string): Promise<StatisticsRowData[]> {
  const status = await e2e.stack.query<{ statisticsStatus: { years: number[] } }>(persona, "{ statisticsStatus { years } }");
  const year = status.data?.statisticsStatus.years.at(-1);
  expect(year, JSON.stringify(status.errors)).toBeDefined();
  const table = await e2e.stack.query<{ statisticsTable: { rows: StatisticsRowData[] } }>(
    persona,
    `query ($year: Int!, $level: StatisticsLevel!) {
      statisticsTable(year: $year, level: $level) {
        rows { level unitCode unitName coursesStarted coursesPer1000Children measureWithin6MonthsShare suppressed suppressedShares }
      }
    }`,
    { year, level },
  );
  expect(table.errors).toBeUndefined();
  return table.data?.statisticsTable.rows ?? [];
}

describe("the web app in Chromium", () => {
  it("logs a caseworker in, lists her cases and opens one with every sector's panel", async () => {
    const page = await freshPage(e2e);
    // Trusted documents: the production build sends each operation's hash, never its text.
    const sent: Array<{ hash: unknown; query: unknown }> = [];
    page.on("request", (request) => {
      if (!request.url().endsWith("/graphql")) return;
      const body = JSON.parse(request.postData() ?? "{}") as {
        query?: unknown;
        extensions?: { persistedQuery?: { sha256Hash?: unknown } };
      };
      sent.push({ hash: body.extensions?.persistedQuery?.sha256Hash, query: body.query });
    });
    await page.goto(e2e.web.url);
    await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("da");
    await expectAccessible(page);
    await e2e.shots.shot(page, "login");

    await page.locator('button[data-persona="caseworker-kbh"]').click();
    await page.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
    const course = e2e.stack.courseOf("persona:caseworker-kbh", (c) => c.medicalExaminations.length > 0 && c.police !== null);
    const row = page.locator(`tr[data-case-id="${course.caseId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(course.child.firstName);
    await expectAccessible(page);
    await e2e.shots.shot(page, "my-cases");

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
    await e2e.shots.shot(page, "case");
    expect(sent.length).toBeGreaterThan(1);
    for (const request of sent) expect(request).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), query: undefined });
    await page.close();
  });
  it("speaks English when asked, and remembers it", async () => {
    const page = await signIn(e2e, "leader-kbh");
    await page.getByLabel("Sprog").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "Leader dashboard" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("link", { name: "My cases" }).click();
    await page.getByRole("heading", { level: 1, name: "My cases" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "My cases" }).waitFor();
    await page.getByRole("link", { name: "Leader dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Leader dashboard" }).waitFor();
    // Before the first extraction the statistics service has no figures, and the page says so.
    await page.getByText("The statistics have not been compiled yet.").waitFor();
    await expectAccessible(page);
    await e2e.shots.shot(page, "dashboard-en-before-extraction");

    await e2e.stack.extractStatistics();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Leader dashboard" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Caseload: open courses per caseworker" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Follow-through on recommended support" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Waiting times from referral" }).waitFor();

    // A real figure: Copenhagen's courses per 1,000 children, as the statistics service gives it to her.
    const [kbh, ...others] = await statisticsRows("leader-kbh", "MUNICIPALITY");
    expect(others).toEqual([]);
    expect(kbh?.unitCode).toBe("0101");
    expect(kbh?.coursesPer1000Children, JSON.stringify(kbh)).not.toBeNull();
    const rate = page.getByRole("figure", { name: "Courses per 1,000 children" });
    const en = (v: number, digits = 0) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits }).format(v);
    await expect(rate.locator('[data-key="MUNICIPALITY:0101"]').textContent()).resolves.toBe(
      `København${en(kbh?.coursesPer1000Children ?? 0, 2)} · ${en(kbh?.coursesStarted ?? 0)} courses`,
    );
    await expect(rate.locator('[data-key="NATIONAL:DK"]').textContent()).resolves.toMatch(/^Whole country\d/);
    // Follow-through as the server has it: the share; hidden alone when its numerator is under 5; or
    // (fewer than 5 children) listed among the hidden units. Never 0 or blank.
    const follow = page.getByRole("figure", { name: "Follow-through on recommended support" }).locator('[data-key="MUNICIPALITY:0101"]');
    if (kbh?.suppressed.includes("FOLLOW_THROUGH")) {
      await expect(follow.count()).resolves.toBe(0);
      const hidden = page.getByRole("region", { name: "Follow-through on recommended support" }).locator("[data-hidden-units]");
      await expect(hidden.textContent()).resolves.toMatch(/^1 unit is hidden because it has fewer than 5 children.*København$/);
    } else
      await expect(follow.textContent()).resolves.toContain(
        kbh?.suppressedShares.includes("MEASURE_WITHIN_6_MONTHS_SHARE")
          ? "measure hidden"
          : `measure ${en(100 * (kbh?.measureWithin6MonthsShare ?? 0))}%`,
      );

    // Her own municipality and the country only: no other municipality's unit anywhere on the page.
    const keys = await page.locator("[data-key]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key")));
    expect(new Set(keys)).toEqual(new Set(["NATIONAL:DK", "MUNICIPALITY:0101"]));
    const main = (await page.locator("main").textContent()) ?? "";
    const municipalities = await statisticsRows("analyst-national", "MUNICIPALITY");
    expect(municipalities.length).toBe(98);
    for (const m of municipalities) if (m.unitCode !== "0101") expect(main, m.unitName).not.toContain(m.unitName);
    await expectAccessible(page);
    await e2e.shots.shot(page, "dashboard-en");
    await page.close();
  });

  it("shows a børnehus leader her region and its municipalities beside the country, in Danish", async () => {
    // A leader lands on her dashboard.
    const page = await signIn(e2e, "leader-boernehus-hovedstaden");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await page.getByRole("heading", { level: 2, name: "Sagsbelastning: åbne forløb pr. sagsbehandler" }).waitFor();
    const units = [
      ...(await statisticsRows("leader-boernehus-hovedstaden", "BOERNEHUS")),
      ...(await statisticsRows("leader-boernehus-hovedstaden", "MUNICIPALITY")),
    ];
    // Units whose figure is suppressed get no bar each: one line says how many are hidden and why.
    const shown = units.filter((r) => !r.suppressed.includes("COURSES_STARTED"));
    const hidden = units.length - shown.length;
    const expected = ["NATIONAL:DK", ...shown.map((r) => `${r.level}:${r.unitCode}`)];
    expect(expected).toContain("BOERNEHUS:HOVEDSTADEN");
    const chart = page.getByRole("figure", { name: "Forløb pr. 1.000 børn" });
    const keys = await chart.locator("[data-key]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key")));
    expect(keys).toEqual(expected);
    await expect(chart.locator('[data-key="NATIONAL:DK"]').textContent()).resolves.toMatch(/^Hele landet/);
    // Small municipalities' figures are withheld, and say so, once.
    expect(hidden).toBeGreaterThan(0);
    const note = page.getByRole("region", { name: "Forløb pr. 1.000 børn" }).locator("[data-hidden-units]");
    await expect(note.getAttribute("data-hidden-units")).resolves.toBe(String(hidden));
    await expect(note.locator("summary").textContent()).resolves.toMatch(/^\d+ enheder? er skjult, fordi/);
    await expectAccessible(page);
    await e2e.shots.shot(page, "dashboard-da-boernehus");
    await page.close();
  });

  it("warns before the 15-minute idle timeout and then logs out", async () => {
    // The page's context is its own (signIn): the test moves its clock 30 minutes on.
    const page = await signIn(e2e, "caseworker-kbh");
    await page.clock.fastForward("13:05");
    const dialog = page.getByRole("dialog", { name: "Er du der stadig?" });
    await dialog.waitFor();
    await expectAccessible(page);
    await e2e.shots.shot(page, "idle-warning");
    await page.getByRole("button", { name: "Forbliv logget ind" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Answering the warning starts a new 15 minutes: no warning 12 minutes later, logged out after 15.
    await page.clock.fastForward("12:00");
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.clock.fastForward("03:10");
    await page.getByText("Du blev logget ud efter 15 minutters inaktivitet.").waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem("samraad.session"))).resolves.toBeNull();
    await page.close();
  });

  it("shows a police leader the cases her people take part in as restricted, and opens one when she breaks the glass", async () => {
    // She lands on her dashboard; her people's restricted cases are under "Mine sager".
    const page = await signIn(e2e, "leader-police-kbh");
    await page.getByRole("link", { name: "Mine sager" }).click();
    await page.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
    const mutations: Array<Record<string, unknown>> = [];
    page.on("request", (request) => {
      if (!request.url().endsWith("/graphql")) return;
      const body = JSON.parse(request.postData() ?? "{}") as { variables?: Record<string, unknown> };
      if (body.variables && "idempotencyKey" in body.variables) mutations.push(body.variables);
    });
    const section = page.getByRole("region", { name: "Sager med begrænset adgang" });
    await section.getByRole("heading", { level: 2, name: "Sager med begrænset adgang" }).waitFor();
    const listed = await e2e.stack.query<{ myRestrictedCases: Array<{ id: string }> }>(
      "leader-police-kbh",
      "{ myRestrictedCases(first: 100) { id } }",
    );
    const expected = listed.data?.myRestrictedCases.map((r) => r.id) ?? [];
    expect(expected.length).toBeGreaterThan(0);
    const rows = section.locator("tr[data-restricted-case-id]");
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-restricted-case-id")))).toEqual(expected);
    const caseId = expected[0] as string;
    const row = section.locator(`tr[data-restricted-case-id="${caseId}"]`);
    await expect(row.textContent()).resolves.toContain("Begrænset: du deltager ikke i samrådet");
    // Restricted, not opened: nothing about the children anywhere on the page.
    const main = (await page.locator("main").textContent()) ?? "";
    for (const course of e2e.stack.world.courses.filter((c) => expected.includes(c.caseId))) {
      expect(main).not.toContain(`${course.child.firstName} ${course.child.lastName}`);
      expect(main).not.toContain(course.child.cpr);
    }
    await expectAccessible(page);
    await e2e.shots.shot(page, "restricted-cases");

    // Break the glass, by keyboard: the dialog takes the focus, and gives it back when cancelled.
    // Rows read as the referral's date and børnehus with a short reference, not as UUIDs.
    await expect(row.locator("th").textContent()).resolves.toMatch(
      new RegExp(`^Henvist .+ til Børnehus .+Reference ${caseId.slice(0, 8)}$`),
    );
    const breakGlass = row.getByRole("button", {
      name: new RegExp(`^Bryd glasset for sagen henvist .+ \\(reference ${caseId.slice(0, 8)}\\)$`),
    });
    await breakGlass.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Bryd glasset" });
    await dialog.waitFor();
    const reason = dialog.getByLabel("Begrundelse");
    await expect(reason.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect(breakGlass.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.type("Akut sag");
    await dialog.getByRole("button", { name: "Bryd glasset og åbn sagen" }).click();
    await dialog.getByRole("alert").getByText("Skriv en begrundelse på mindst 20 tegn.").waitFor();
    await reason.fill("Anholdelse i nat: sigtede nævner barnet, jeg skal se samrådets plan nu");
    await expect(dialog.getByRole("alert").count()).resolves.toBe(0);
    await expectAccessible(page);
    await e2e.shots.shot(page, "break-the-glass");
    await dialog.getByRole("button", { name: "Bryd glasset og åbn sagen" }).click();

    const course = e2e.stack.world.courses.find((c) => c.caseId === caseId) as (typeof e2e.stack.world.courses)[number];
    await page.getByRole("heading", { level: 1, name: `Sag for ${course.child.firstName} ${course.child.lastName}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
    await page.getByText(/^Nødadgang til .+\. Din brug af sagen bliver gennemgået\.$/).waitFor();
    // Emergency access is read-only: it says so, and offers no write form.
    await page.getByText(/^Nødadgang giver kun læseadgang\./).waitFor();
    await expect(page.getByRole("button", { name: "Book videoafhøring" }).count()).resolves.toBe(0);
    await expect(page.locator("main form").count()).resolves.toBe(0);
    // One write, with its idempotency key.
    expect(mutations).toEqual([
      {
        input: { caseId, reason: "Anholdelse i nat: sigtede nævner barnet, jeg skal se samrådets plan nu" },
        idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    await expectAccessible(page);
    await e2e.shots.shot(page, "case-emergency-access");
    const after = await e2e.stack.query<{ myRestrictedCases: Array<{ id: string }> }>(
      "leader-police-kbh",
      "{ myRestrictedCases(first: 100) { id } }",
    );
    expect(after.data?.myRestrictedCases.map((r) => r.id)).not.toContain(caseId);
    await page.close();
  });

  // Last: it stops the police subgraph.
  it("says so in the police panel when the police subgraph is down, and the rest of the case still works", async () => {
    const course = e2e.stack.courseOf("persona:caseworker-kbh", (c) => c.police !== null);
    await e2e.stack.subgraphs.police.stop();
    const page = await signIn(e2e, "caseworker-kbh");
    await page.goto(`${e2e.web.url}/cases/${course.caseId}`);
    await page.getByRole("heading", { level: 1, name: `Sag for ${course.child.firstName} ${course.child.lastName}` }).waitFor();
    await page.locator('section[data-sector="POLICE"]').getByText("Politiets data er ikke tilgængelige lige nu.").waitFor();
    await expect(page.locator('section[data-sector="MUNICIPALITY"]').textContent()).resolves.toContain(course.child.cpr);
    await expect(page.locator('section[data-sector="BOERNEHUS"] .unavailable').count()).resolves.toBe(0);
    await expectAccessible(page);
    await e2e.shots.shot(page, "police-down");
    await page.close();
  });
});

import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, signIn } from "./support/session.ts";

// The statistics page in Chromium against the real stack with the statistics service, after a
// real extraction: the national analyst sees every municipality, a municipal leader only their own.
const e2e = useBrowserStack("statistics", { statistics: true, courses: 80, coursesPerYear: 40 }, (stack) => stack.extractStatistics());

describe("the statistics page", () => {
  it("shows the national analyst follow-through, waiting times and the municipalities, with a CSV download", async () => {
    const page = await signIn(e2e, "analyst-national");
    await page.getByRole("link", { name: "Statistik" }).click();
    await page.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Opfølgning på anbefalet støtte" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Ventetider/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Forløb pr. 1.000 børn" }).waitFor();
    // The analyst lands on the statistics.
    expect(new URL(page.url()).pathname).toBe("/statistics");
    // Every municipality is there: with a bar, or named in the one line of units hidden for having fewer than 5 children.
    const section = page.getByRole("region", { name: "Opfølgning på anbefalet støtte" });
    await expect(section.textContent()).resolves.toContain("København");
    await expect(section.textContent()).resolves.toContain("Aarhus");
    const hidden = section.locator("[data-hidden-units]");
    if ((await hidden.count()) > 0)
      await expect(hidden.locator("summary").textContent()).resolves.toMatch(/^\d+ enheder? er skjult, fordi/);
    const csv = page.getByRole("link", { name: "Hent som CSV" });
    expect(await csv.getAttribute("download")).toMatch(/^samraad-statistik-\d{4}-MUNICIPALITY\.csv$/);
    // For Danish Excel: a byte order mark, ";" between cells, decimal commas and Danish headers.
    const content = await csv.evaluate(async (a) => {
      const bytes = new Uint8Array(await (await fetch((a as HTMLAnchorElement).href)).arrayBuffer());
      return { bom: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes.slice(3)) };
    });
    expect(content.bom).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = content.text.trim().split("\r\n");
    expect(header).toMatch(/^Niveau;Enhedskode;Enhed;Kategori;Forløb startet;Forløb pr\. 1\.000 børn;/);
    // Every decimal the table publishes has a comma. (In so small a world the disclosure rules may hide
    // every municipal figure; the conversion itself is unit-tested in apps/web/test/errors.test.ts.)
    const decimals = lines.join("\n").match(/;\d+[.,]\d+(?=;|$)/gm) ?? [];
    expect(decimals.filter((d) => d.includes("."))).toEqual([]);
    expect(lines.every((l) => l.split(";").length === (header ?? "").split(";").length)).toBe(true);
    await expectAccessible(page);
    await e2e.shots.shot(page, "analyst");
    await page.close();
  });

  it("shows a municipal leader only their own municipality", async () => {
    const page = await signIn(e2e, "leader-kbh");
    await page.getByRole("link", { name: "Statistik" }).click();
    const chart = page.getByRole("region", { name: "Opfølgning på anbefalet støtte" });
    await chart.waitFor();
    await expect(chart.textContent()).resolves.toContain("København");
    await expect(chart.textContent()).resolves.not.toContain("Frederiksberg");
    await page.close();
  });

  it("is not offered to a caseworker", async () => {
    const page = await signIn(e2e, "caseworker-kbh");
    expect(await page.getByRole("link", { name: "Statistik" }).count()).toBe(0);
    await page.close();
  });
});

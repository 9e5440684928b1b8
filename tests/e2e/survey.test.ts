import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, freshPage, signIn } from "./support/session.ts";

// Outcome surveys in Chromium (docs/surveys.md): the coordinator issues a single-use link on the
// case page and shows its QR code; someone who never logs in opens the link on a phone-sized
// screen, answers in Danish, and the same link is then refused. axe on every page.
const e2e = useBrowserStack("survey", { courses: 40 });

describe("an outcome survey", () => {
  it("is answered through its link without logging in, once", async () => {
    const course = e2e.stack.courseOf("persona:coordinator-hovedstaden", (c) => c.course.closedAt === null);
    const coordinator = await signIn(e2e, "coordinator-hovedstaden");
    await coordinator.goto(`${e2e.web.url}/cases/${course.caseId}`);
    const section = coordinator.getByRole("region", { name: "Spørgeskemaer" });
    await section.waitFor();
    await section.getByLabel("Omsorgsperson, første besøg").check();
    await section.getByRole("button", { name: "Lav link" }).click();
    const linkField = section.locator("[data-survey-link]");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    // The link carries an opaque token in its fragment and nothing about the case.
    expect(link).toMatch(/\/survey#[A-Za-z0-9_-]{43}$/);
    expect(link).not.toContain(course.caseId);
    await section.getByRole("button", { name: "Vis QR-kode" }).click();
    await section.getByRole("img", { name: "QR-kode til spørgeskemaet" }).waitFor();
    await expectAccessible(coordinator);
    await e2e.shots.shot(coordinator, "case-page-link");
    await coordinator.close();

    // A phone, with no session at all.
    const phone = await freshPage(e2e);
    await phone.setViewportSize({ width: 375, height: 740 });
    const sent: string[] = [];
    phone.on("request", (r) => {
      if (r.url().includes("/graphql")) sent.push(r.headers().authorization ?? "");
    });
    await phone.goto(link);
    await phone.getByRole("heading", { level: 1, name: "Spørgeskema fra børnehuset" }).waitFor();
    const first = phone.getByRole("group", { name: /Jeg følte mig velkommen i børnehuset/ });
    await first.getByLabel("Helt enig", { exact: true }).check();
    await phone
      .getByRole("group", { name: /Jeg fik at vide, hvad der skulle ske/ })
      .getByLabel("Enig", { exact: true })
      .check();
    // Nothing wider than the phone's screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(phone);
    await e2e.shots.shot(phone, "survey-phone");
    await phone.getByRole("button", { name: "Send svar" }).click();
    await phone.getByRole("heading", { level: 1, name: "Tak for dine svar" }).waitFor();
    await expectAccessible(phone);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((auth) => auth === "")).toBe(true);

    // The same link again, opened anew: refused, in plain Danish.
    await phone.goto("about:blank");
    await phone.goto(link);
    await phone.getByRole("heading", { level: 1, name: "Spørgeskemaet kan ikke åbnes" }).waitFor();
    await expect(phone.getByRole("alert").textContent()).resolves.toContain("allerede besvaret");
    await expectAccessible(phone);
    await e2e.shots.shot(phone, "survey-used");
    await phone.close();

    // Two answers stored, against the link of that case (beside the synthetic world's own).
    const stored = await e2e.stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "SurveyAnswer" a JOIN "SurveyLink" l ON l."id" = a."linkId" WHERE l."caseId" = $1::uuid AND l."issuedBy" <> 'synthetic'`,
      course.caseId,
    );
    expect(stored[0]?.n).toBe(2);

    // The børnehus leader: the aggregates on her dashboard, and a new version of her questions.
    const leader = await signIn(e2e, "leader-boernehus-hovedstaden");
    await leader.getByRole("region", { name: "Spørgeskemaer: sådan oplevede de børnehuset" }).waitFor();
    const editor = leader.getByRole("region", { name: "Spørgsmål i børnehusets spørgeskemaer" });
    await editor.getByLabel("Spørgsmål 1", { exact: true }).fill("Vi blev taget godt imod i børnehuset.");
    await editor.getByRole("button", { name: "Gem ny version" }).click();
    await editor.getByText(/Spørgsmålene er gemt som version \d+\./).waitFor();
    await expectAccessible(leader);
    await e2e.shots.shot(leader, "leader-dashboard");
    await leader.close();
  });
});

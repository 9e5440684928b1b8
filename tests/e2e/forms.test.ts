import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, openCase, signIn } from "./support/session.ts";

// Issue 20, points 4-6 in Chromium against the real stack: each role's landing page and why
// a page is empty; the app's own Danish validation (no browser bubble), a server error in the
// catalogue's words naming the field by its label with a Danish date; the confirmation steps
// before signing and sending the final note; axe on every page. Issue 23: the note's age and what
// happened in the municipality during the assessment, and the kinds of other support in the answer.
const e2e = useBrowserStack("forms", { courses: 40, statistics: true });

const PEOPLE = ["coordinator-hovedstaden", "investigator-kbh", "physician-rh", "caseworker-kbh"];

/** A date as a Dane writes it: dd.mm.åååå. */
const danish = (d: Date) => `${String(d.getDate()).padStart(2, "0")}.${String(d.getMonth() + 1).padStart(2, "0")}.${d.getFullYear()}`;

/** The page's text shows no developer text: no English API message, field name or ISO timestamp. */
async function expectNoDeveloperText(page: Page) {
  const main = (await page.locator("main").textContent()) ?? "";
  expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|dueAt|scheduledAt|heldAt|cannot|must be|Please fill out/);
}

describe("each role lands where it works", () => {
  it("sends the analyst to the statistics, the DPO to data protection, and a leader to her dashboard", async () => {
    const analyst = await signIn(e2e, "analyst-national");
    expect(new URL(analyst.url()).pathname).toBe("/statistics");
    await expect(analyst.getByRole("link", { name: "Mine sager" }).count()).resolves.toBe(0);
    await expectAccessible(analyst);
    await e2e.shots.shot(analyst, "landing-analyst");
    await analyst.close();

    const dpo = await signIn(e2e, "dpo-kbh");
    expect(new URL(dpo.url()).pathname).toBe("/data-protection");
    // Her work: the access report, found by the child's CPR number.
    await dpo.getByLabel("Barnets CPR-nummer").waitFor();
    await expect(dpo.getByText("Ingen sager matcher").count()).resolves.toBe(0);
    await expectAccessible(dpo);
    await e2e.shots.shot(dpo, "landing-dpo");
    await dpo.close();

    const leader = await signIn(e2e, "leader-police-kbh");
    expect(new URL(leader.url()).pathname).toBe("/dashboard");
    await expectAccessible(leader);
    // Her own list is empty because she takes part in no case herself, and it says so.
    await leader.getByRole("link", { name: "Mine sager" }).click();
    await leader.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
    await leader
      .locator('[data-empty="leader"]')
      .getByText(/^Du deltager ikke selv i nogen sager\./)
      .waitFor();
    await expect(leader.getByText("Ingen sager matcher").count()).resolves.toBe(0);
    await expectAccessible(leader);
    await e2e.shots.shot(leader, "leader-empty-cases");
    await leader.close();
  });
});

describe("forms in Danish", () => {
  it("validates with the app's own messages, names the field in a server error, confirms before signing and sending, and the note knows what changed", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, () => forms());
  });
});

async function forms() {
  const course = e2e.stack.courseOf(
    "persona:coordinator-hovedstaden",
    (c) =>
      PEOPLE.every((p) => c.participants.some((x) => x.sub === `persona:${p}`)) &&
      c.course.status === "ACTIVE" &&
      c.course.type === "FULL_COURSE" &&
      c.finalNote === null,
  );
  const child = `${course.child.firstName} ${course.child.lastName}`;
  const page = await signIn(e2e, "coordinator-hovedstaden");
  await openCase(page, child);
  await page.getByRole("link", { name: "Planlæg samråd" }).click();
  await page.getByRole("heading", { level: 1, name: "Planlæg samråd" }).waitFor();

  // 1. An empty required field: the app's message in the error summary and at the field, not the browser's bubble.
  const form = page.locator("form#plan-meeting");
  await expect(form.evaluate((f) => (f as HTMLFormElement).noValidate)).resolves.toBe(true);
  const when = page.getByRole("group", { name: "Tidspunkt" });
  await when.getByLabel(/^Dato/).fill("31.02.2027");
  await page.getByRole("button", { name: "Planlæg samråd" }).click();
  const summary = page.locator("[data-error-summary]");
  await summary.getByText("Der er problemer").waitFor();
  await expect(summary.getByRole("link").allTextContents()).resolves.toEqual([
    "Skriv datoen i »Tidspunkt« som dd.mm.åååå, fx 03.12.2026.",
    "Feltet »Dagsorden« skal udfyldes.",
  ]);
  await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  const agenda = page.getByLabel("Dagsorden");
  await expect(agenda.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(page.locator("#plan-agenda-error").textContent()).resolves.toBe("Fejl: Feltet »Dagsorden« skal udfyldes.");
  await expectNoDeveloperText(page);
  await expectAccessible(page);
  await e2e.shots.shot(page, "plan-meeting-errors");
  // The summary's link takes the focus to the field.
  await summary.getByRole("link", { name: "Feltet »Dagsorden« skal udfyldes." }).click();
  await expect(agenda.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

  // 2. Corrected: the samråd is planned, and the meeting page confirms it.
  const tomorrow = new Date(Date.now() + 86_400_000);
  await when.getByLabel(/^Dato/).fill(danish(tomorrow));
  await when.getByLabel(/^Klokkeslæt/).fill("10:00");
  await agenda.fill("1. Status fra hver sektor");
  await page.getByRole("button", { name: "Planlæg samråd" }).click();
  await page.getByRole("heading", { level: 2, name: "Deltagere efter sektor" }).waitFor();
  await page.getByRole("status").getByText("Samrådet er planlagt.").waitFor();

  // 3. A value the server refuses: an action item due before the samråd. The catalogue's Danish
  // message names the field by its label and writes the date the Danish way.
  await page.getByLabel("Opgave", { exact: true }).fill("Ring til skolen");
  const due = page.getByRole("group", { name: "Frist" });
  await due.getByLabel(/^Dato/).fill("01.01.2020");
  await due.getByLabel(/^Klokkeslæt/).fill("09:00");
  await page.getByRole("button", { name: "Tilføj opgave" }).click();
  const refusal = page.locator("form#add-item [role=alert]");
  await refusal.waitFor();
  await expect(refusal.textContent()).resolves.toMatch(/^»Frist« kan ikke ligge før \d{1,2}\. [a-zæøå]+\.? \d{4},? \d{2}[.:]\d{2}\.$/);
  await expectNoDeveloperText(page);
  await expectAccessible(page);
  await e2e.shots.shot(page, "action-item-refused");
  // The same refusal in English, the second language: the English label and an English date.
  await page.getByLabel("Sprog").selectOption("en");
  await page.getByRole("button", { name: "Add action item" }).click();
  await expect(refusal.textContent()).resolves.toMatch(/^“Due” cannot be before \d{1,2} [A-Z][a-z]+ \d{4},? \d{2}:\d{2}\.$/);
  await page.getByLabel("Language").selectOption("da");
  await page.getByRole("button", { name: "Tilføj opgave" }).waitFor();

  // 4. The final note. The assessment began two days ago (or at the referral), and the municipality
  // has since received a notification: the editor lists it, fetched from the municipality.
  const now = e2e.stack.clock.now().getTime();
  const startedAt = new Date(Math.max(now - 2 * 86_400_000, Date.parse(course.course.referralReceivedAt) + 60_000));
  const api = async (persona: string, mutation: string, input: Record<string, unknown>) => {
    const res = await e2e.stack.query(persona, mutation, { input });
    expect(res.errors).toBeUndefined();
  };
  await api("coordinator-hovedstaden", `mutation($input: StartAssessmentInput!) { startAssessment(input: $input) { id } }`, {
    caseId: course.caseId,
    startedAt: startedAt.toISOString(),
  });
  await api("leader-kbh", `mutation($input: RecordNotificationInput!) { recordNotification(input: $input) { id } }`, {
    childId: course.child.id,
    receivedAt: new Date(now - 3_600_000).toISOString(),
    source: "SCHOOL",
    concern: "Syntetisk bekymring under udredningen",
  });
  await page.goto(`${e2e.web.url}/cases/${course.caseId}/final-note`);
  // Its age against the analysis's 4-6 months.
  await page
    .locator("[data-note-age]")
    .getByText(/siden børnehuset modtog henvisningen\. Det er .*4-6 måneder/)
    .waitFor();
  const developments = page.getByRole("group", { name: /^Det er sket i kommunen, siden udredningen begyndte den / });
  const notified = developments.getByLabel(/^Ny underretning modtaget · /);
  await notified.check();
  // The concern is the municipality's: it is not on the page.
  await expect(page.getByText("Syntetisk bekymring under udredningen").count()).resolves.toBe(0);

  // Signing and sending each ask first; "no" changes nothing.
  const text = "Barnet har gennemført forløbet i børnehuset. Vi anbefaler traumebehandling.";
  await page.getByLabel("Notatets tekst").fill(text);
  await page.getByRole("button", { name: "Tilføj anbefaling" }).click();
  await page.getByLabel("Anbefaling 1: beskrivelse").fill("Traumefokuseret behandling for barnet hos psykolog, med forældrene inddraget.");
  await page.getByRole("button", { name: "Gem kladde" }).click();
  await page.getByRole("heading", { level: 2, name: "Afsluttende notat · Kladde" }).waitFor();
  // The note recorded what it took into account (checked against the municipality's signed list).
  await expect(page.getByLabel(/^Ny underretning modtaget · /).isChecked()).resolves.toBe(true);
  await expectAccessible(page);
  await e2e.shots.shot(page, "final-note-developments");
  // A draft has not been answered: no "not answered yet" before it is sent.
  await expect(page.getByText("Kommunen har ikke svaret endnu.").count()).resolves.toBe(0);

  await page.getByRole("button", { name: "Underskriv" }).click();
  const signDialog = page.getByRole("dialog", { name: "Underskriv det afsluttende notat?" });
  await signDialog.waitFor();
  await expectAccessible(page);
  await e2e.shots.shot(page, "confirm-sign");
  await signDialog.getByRole("button", { name: "Nej, gå tilbage" }).click();
  await signDialog.waitFor({ state: "hidden" });
  await expect(page.getByRole("heading", { level: 2, name: "Afsluttende notat · Kladde" }).count()).resolves.toBe(1);
  await page.getByRole("button", { name: "Underskriv" }).click();
  await signDialog.getByRole("button", { name: "Ja, underskriv notatet" }).click();
  await page.getByRole("heading", { level: 2, name: "Afsluttende notat · Underskrevet" }).waitFor();
  // The signed text stays in view while she decides to send it.
  await page.getByText(text).waitFor();

  await page.getByRole("button", { name: "Send til kommunen" }).click();
  const sendDialog = page.getByRole("dialog", { name: "Send det afsluttende notat til kommunen?" });
  await sendDialog.waitFor();
  await expectAccessible(page);
  await e2e.shots.shot(page, "confirm-send");
  await sendDialog.getByRole("button", { name: "Nej, gå tilbage" }).click();
  await sendDialog.waitFor({ state: "hidden" });
  await expect(page.getByRole("heading", { level: 2, name: "Afsluttende notat · Underskrevet" }).count()).resolves.toBe(1);
  await page.getByRole("button", { name: "Send til kommunen" }).click();
  await sendDialog.getByRole("button", { name: "Ja, send til kommunen" }).click();
  await page.getByRole("heading", { level: 2, name: "Afsluttende notat · Sendt" }).waitFor();
  await page.getByText("Kommunen har ikke svaret endnu.").waitFor();
  await expectAccessible(page);
  await e2e.shots.shot(page, "final-note-sent");

  await page.getByRole("heading", { level: 3, name: "Notatet tager højde for" }).waitFor();
  await page
    .locator("[data-considered]")
    .getByText(/^Ny underretning modtaget · /)
    .waitFor();

  // The favicon is served.
  const favicon = await page.request.get(`${e2e.web.url}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  await page.close();

  // 5. The caseworker answers with other support and names its kind (the analysis's three).
  const caseworker = await signIn(e2e, "caseworker-kbh");
  await caseworker.goto(`${e2e.web.url}/cases/${course.caseId}/final-note`);
  await caseworker.getByRole("heading", { level: 2, name: "Afsluttende notat · Sendt" }).waitFor();
  const answer = caseworker.locator("form.respond").first();
  await answer.getByRole("radio", { name: "Anden støtte" }).check();
  const kinds = answer.getByRole("group", { name: "Hvilken slags anden støtte?" });
  await expect(kinds.locator("label").allTextContents()).resolves.toEqual([
    "Støtte sideløbende med forløbet i børnehuset",
    "Tidlig forebyggende støtte",
    "Privat behandling, som kommunen kender til",
  ]);
  await kinds.getByLabel("Tidlig forebyggende støtte").check();
  await answer.getByRole("textbox", { name: "Anden støtte" }).fill("Gruppeforløb via sundhedsplejen.");
  await answer.getByRole("button", { name: "Svar på anbefalingen" }).click();
  await caseworker.getByText("Tidlig forebyggende støtte: Gruppeforløb via sundhedsplejen.").waitFor();
  await expectAccessible(caseworker);
  await e2e.shots.shot(caseworker, "answer-other-support-kind");
  await caseworker.close();
}

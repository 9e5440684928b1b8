import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, openCase, signIn } from "./support/session.ts";

// The samråd flow from issue #5, six people in Debian's Chromium against the real stack
// (four subgraphs and the gateway, in-process on ephemeral ports), axe on every screen.
const e2e = useBrowserStack("flow", { courses: 40 });

const PEOPLE = ["coordinator-hovedstaden", "investigator-kbh", "physician-rh", "caseworker-kbh"];

describe("the samråd flow in the browser", () => {
  it("plans, books, examines, sends the final note, answers it, and keeps another municipality out", { timeout: 300_000 }, async () => {
    await e2e.shots.onFailure(e2e.browser, () => flow());
  });
});

async function flow() {
  {
    // An active full course of København's that all four take part in, without a final note yet.
    const course = e2e.stack.courseOf(
      "persona:coordinator-hovedstaden",
      (c) =>
        PEOPLE.every((p) => c.participants.some((x) => x.sub === `persona:${p}`)) &&
        c.course.status === "ACTIVE" &&
        c.course.type === "FULL_COURSE" &&
        c.finalNote === null &&
        c.police !== null &&
        // An objection would make the booking ask for its override (tests/e2e/referral.test.ts walks that).
        c.custodyHolders.every((h) => !h.objectsToVideoInterview),
    );
    const child = `${course.child.firstName} ${course.child.lastName}`;

    // 1. The børnehus coordinator plans a (follow-up) samråd with agenda and participants.
    const coordinator = await signIn(e2e, "coordinator-hovedstaden");
    await expectAccessible(coordinator);
    await e2e.shots.shot(coordinator, "coordinator-my-cases");
    await openCase(coordinator, child);
    await coordinator.getByRole("link", { name: "Planlæg samråd" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "Planlæg samråd" }).waitFor();
    await coordinator.getByLabel("Dagsorden").fill("1. Status fra hver sektor\n2. Videoafhøring og lægeundersøgelse\n3. Krisestøtte");
    await coordinator.getByLabel("Mødested").fill("Børnehus Hovedstaden, mødelokale 2");
    await expectAccessible(coordinator);
    await coordinator.getByRole("button", { name: "Planlæg samråd" }).click();
    await coordinator.getByRole("heading", { level: 2, name: "Deltagere efter sektor" }).waitFor();
    await expect(coordinator.locator('[data-sector="POLICE"]').textContent()).resolves.toContain("Jonas Vestergaard");
    await coordinator.getByLabel("Opgave", { exact: true }).fill("Book videoafhøring");
    await coordinator.getByLabel("Ansvarlig sektor").selectOption("POLICE");
    await coordinator.getByRole("button", { name: "Tilføj opgave" }).click();
    await coordinator.getByRole("row", { name: /Book videoafhøring/ }).waitFor();
    const meetingUrl = coordinator.url();
    await expectAccessible(coordinator);
    await e2e.shots.shot(coordinator, "samraad-planned");

    // 2. The police investigator books the interview, updates the police's action item, and cannot see clinical findings.
    const investigator = await signIn(e2e, "investigator-kbh");
    await openCase(investigator, child);
    const health = investigator.locator('section[data-sector="HEALTH"]');
    const clinical = health.locator('[data-coordinate="MedicalExamination.clinicalDetails"]');
    if ((course.medicalExaminations ?? []).length > 0) {
      await expect(clinical.first().textContent()).resolves.toBe("Begrænset: Kun sundhedsvæsenet");
    }
    const interviewsBefore = await investigator.locator("[data-interview]").count();
    await investigator.getByRole("button", { name: "Book videoafhøring" }).click();
    await investigator.getByText("Videoafhøringen er booket.").waitFor();
    // The case is fetched again after the write: on a loaded machine that takes more than expect.poll's default second.
    await expect.poll(() => investigator.locator("[data-interview]").count(), { timeout: 15_000 }).toBe(interviewsBefore + 1);
    await expectAccessible(investigator);
    await e2e.shots.shot(investigator, "investigator-booked");
    await investigator.goto(meetingUrl);
    // The meeting place reaches every participant, here the police.
    await expect(investigator.locator("[data-meeting-location]").textContent()).resolves.toBe(
      "Mødested: Børnehus Hovedstaden, mødelokale 2",
    );
    await investigator.getByLabel("Status for Book videoafhøring").selectOption("DONE");
    // The select shows the status the page fetched again after the write (and the page's first
    // refetch, on its live stream's RESYNC, may still be under way): more than a second when loaded.
    await expect.poll(() => investigator.getByLabel("Status for Book videoafhøring").inputValue(), { timeout: 15_000 }).toBe("DONE");

    // 3. The physician schedules and records an examination; clinical details stay with health care.
    const physician = await signIn(e2e, "physician-rh");
    await openCase(physician, child);
    await physician.getByLabel(/^Undersøgelse/).selectOption("FORENSIC");
    await physician.getByLabel("Afdeling").fill("Rigshospitalet, Børneafdelingen");
    await physician.getByRole("button", { name: "Planlæg lægeundersøgelse" }).click();
    const record = physician.getByRole("form", { name: /^Registrér undersøgelsen: retsmedicinsk undersøgelse, / }).last();
    await record.waitFor();
    await record.getByLabel("Fund (sammenfatning)").fill("Fund forenelige med det oplyste. Ingen akut behandlingskrævende skader.");
    await record.getByLabel("Kliniske detaljer").fill("Synlige mærker på venstre overarm, 2 x 3 cm.");
    await record.getByRole("button", { name: "Registrér undersøgelse" }).click();
    await physician.getByText("Synlige mærker på venstre overarm, 2 x 3 cm.").waitFor();
    // The one who records it is recorded as its physician (issue 20: "Læge: Ikke registreret").
    const performed = physician.locator("li").filter({ hasText: "Synlige mærker på venstre overarm" });
    await expect(performed.locator(".fact").filter({ hasText: /^Læge/ }).locator("dd").textContent()).resolves.toBe("Line Østergaard");
    await expectAccessible(physician);
    await e2e.shots.shot(physician, "physician-recorded");

    // ... and the investigator sees the summary (a need-to-know grant), never the clinical details.
    await investigator.goto(`${e2e.web.url}/cases/${course.caseId}`);
    await investigator.getByText("Fund forenelige med det oplyste.").first().waitFor();
    await expect(investigator.getByText("Synlige mærker på venstre overarm").count()).resolves.toBe(0);
    await expect(clinical.first().textContent()).resolves.toBe("Begrænset: Kun sundhedsvæsenet");

    // 4. The børnehus writes, signs and sends the final note.
    await coordinator.goto(`${e2e.web.url}/cases/${course.caseId}/final-note`);
    await coordinator.getByLabel("Notatets tekst").fill("Barnet har gennemført forløbet i børnehuset. Vi anbefaler traumebehandling.");
    await coordinator.getByRole("button", { name: "Tilføj anbefaling" }).click();
    await coordinator.getByLabel("Anbefaling 1: type").selectOption("THERAPY");
    await coordinator.getByLabel("Anbefaling 1: beskrivelse").fill("Traumefokuseret behandling for barnet hos psykolog.");
    await coordinator.getByRole("button", { name: "Gem kladde" }).click();
    // Signing and sending each ask first (forms.test.ts covers the "no").
    await coordinator.getByRole("button", { name: "Underskriv" }).click();
    await coordinator
      .getByRole("dialog", { name: "Underskriv det afsluttende notat?" })
      .getByRole("button", { name: "Ja, underskriv notatet" })
      .click();
    await coordinator.getByRole("button", { name: "Send til kommunen" }).click();
    await coordinator
      .getByRole("dialog", { name: "Send det afsluttende notat til kommunen?" })
      .getByRole("button", { name: "Ja, send til kommunen" })
      .click();
    await coordinator.getByRole("heading", { level: 2, name: "Afsluttende notat · Sendt" }).waitFor();
    await expectAccessible(coordinator);
    await e2e.shots.shot(coordinator, "final-note-sent");

    // 5. The caseworker answers the recommendation with a measure on the intervention ladder.
    const caseworker = await signIn(e2e, "caseworker-kbh");
    await caseworker.goto(`${e2e.web.url}/cases/${course.caseId}/final-note`);
    await caseworker.getByText("Barnet har gennemført forløbet i børnehuset.").waitFor();
    await caseworker.getByLabel(/^Foranstaltning/).selectOption("new:FAMILY_TREATMENT");
    await caseworker.getByRole("button", { name: "Svar på anbefalingen" }).click();
    await caseworker.getByText("Kommunens svar: Fulgt med en foranstaltning").waitFor();
    await expectAccessible(caseworker);
    await e2e.shots.shot(caseworker, "caseworker-answered");
    // The answer is visible to the børnehus.
    await coordinator.reload();
    await coordinator.getByText("Kommunens svar: Fulgt med en foranstaltning").waitFor();
    await expect(coordinator.getByText("Familiebehandling (trin 2 på indsatstrappen)").count()).resolves.toBe(1);

    // 6. A caseworker from another municipality cannot find the case, not even by its address.
    const other = await signIn(e2e, "caseworker-frb");
    await other.getByLabel("Søg").fill(child);
    await other.getByText(/^Ingen af dine sager matcher søgningen/).waitFor();
    await other.goto(`${e2e.web.url}/cases/${course.caseId}`);
    await other.getByText("Sagen findes ikke, eller du har ikke adgang til den.").waitFor();
    await expect(other.getByText(course.child.lastName).count()).resolves.toBe(0);
    await expectAccessible(other);
    await e2e.shots.shot(other, "other-municipality-refused");
  }
}

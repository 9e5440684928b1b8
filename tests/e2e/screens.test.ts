import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { unjustifiedEmergencyAccess } from "../support/emergencyAccess.ts";
import type { Stack } from "../support/stack.ts";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, openCase, signIn } from "./support/session.ts";

// Issue 20, point 2: the course steps that had no screen, each walked in Chromium by the persona
// who owns it, through the UI only, and then seen by another participant where the step is
// shared. axe on every page; screenshots kept (tests/artifacts/screenshots/screens/).
// The same world as e2e.web.test.ts (one seeded template): it has a recommended measure not yet started.
const e2e = useBrowserStack("screens", { courses: 120, statistics: true });

type Course = Stack["world"]["courses"][number];
const nameOf = (c: Course) => `${c.child.firstName} ${c.child.lastName}`;
const used = new Set<string>();
/** A page fetches again after a write: on a loaded machine that can take longer than expect.poll's default second. */
const POLL = { timeout: 15_000 };
/** A course for the scenario, not used by another one of this file. */
function pick(persona: string, predicate: (c: Course) => boolean): Course {
  const course = e2e.stack.courseOf(persona, (c) => !used.has(c.caseId) && predicate(c));
  used.add(course.caseId);
  return course;
}
const takesPart = (c: Course, ...personas: string[]) => personas.every((p) => c.participants.some((x) => x.sub === `persona:${p}`));

/** The page's text shows no developer text: no English API message, field name or ISO timestamp. */
async function expectNoDeveloperText(page: Page) {
  const main = (await page.locator("main").textContent()) ?? "";
  expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[a-z]+[A-Z][a-zA-Z]+ (must|cannot)|Please fill out|Child\.|BoernehusCase\./);
}

/** dd.mm.åååå, n days from the stack's now (Copenhagen's calendar day is close enough at 10:00). */
function danishDateIn(days: number): string {
  const d = new Date(e2e.stack.clock.now().getTime() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, "0")}.${String(d.getMonth() + 1).padStart(2, "0")}.${d.getFullYear()}`;
}

describe("the course steps that had no screen", () => {
  it("the police investigator books a video interview and records it as held; the coordinator sees it held", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      const course = pick(
        "persona:investigator-kbh",
        (c) =>
          c.course.status === "ACTIVE" &&
          c.police !== null &&
          takesPart(c, "coordinator-hovedstaden") &&
          !c.custodyHolders.some((h) => h.objectsToVideoInterview),
      );
      const page = await signIn(e2e, "investigator-kbh");
      await openCase(page, nameOf(course));
      const interviews = page.locator("li[data-interview]");
      const heldBefore = await interviews.filter({ hasText: "gennemført" }).count();
      await page.getByRole("button", { name: "Book videoafhøring" }).click();
      await page.getByText("Videoafhøringen er booket.").waitFor();
      const form = page.getByRole("form", { name: /^Registrér videoafhøringen .+ som gennemført$/ });
      await form.waitFor();
      await expectAccessible(page);
      await e2e.shots.shot(page, "interview-booked");
      // An empty time: the app's own Danish message, not the browser's.
      const heldAt = form.getByRole("group", { name: "Gennemført" });
      await heldAt.getByLabel(/^Klokkeslæt/).fill("");
      await form.getByRole("button", { name: "Registrér som gennemført" }).click();
      await form.locator("[data-error-summary]").getByText("Feltet »Gennemført« skal udfyldes.").waitFor();
      // Yesterday morning: whatever the hour of the stack's now, not in the future.
      await heldAt.getByLabel(/^Klokkeslæt/).fill("08:00");
      await heldAt.getByLabel(/^Dato/).fill(danishDateIn(-1));
      await form.getByRole("checkbox", { name: "Sundhedsvæsenet" }).check();
      await form.getByRole("button", { name: "Registrér som gennemført" }).click();
      await form.waitFor({ state: "detached" });
      await expect.poll(() => interviews.filter({ hasText: "gennemført" }).count(), POLL).toBe(heldBefore + 1);
      await expect(interviews.filter({ hasText: "booket" }).count()).resolves.toBe(0);
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "interview-held");
      await page.close();

      // Shared: the børnehus coordinator sees the interview held, and who watched.
      const coordinator = await signIn(e2e, "coordinator-hovedstaden");
      await openCase(coordinator, nameOf(course));
      const held = coordinator.locator("li[data-interview]").filter({ hasText: "gennemført" });
      await expect(held.count()).resolves.toBe(heldBefore + 1);
      await expect(held.filter({ hasText: "Kommunen, Børnehuset, Sundhedsvæsenet" }).count()).resolves.toBe(1);
      await expectAccessible(coordinator);
      await coordinator.close();
    });
  });

  it("the coordinator records crisis support for a caregiver; the caseworker sees it, not the notes or counsellor", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      const course = pick(
        "persona:coordinator-hovedstaden",
        (c) => c.course.status === "ACTIVE" && takesPart(c, "caseworker-kbh") && c.crisisSupport.every((s) => s.recipient !== "CAREGIVER"),
      );
      const page = await signIn(e2e, "coordinator-hovedstaden");
      await openCase(page, nameOf(course));
      const form = page.locator("form#crisis-support");
      await form.getByRole("radio", { name: "En omsorgsperson" }).check();
      await expect(form.getByLabel("Krisestøtte givet af").inputValue()).resolves.toBe("Camilla Berg");
      // The notes are required: the app says so in Danish.
      await form.getByRole("button", { name: "Registrér krisestøtte" }).click();
      await form.locator("[data-error-summary]").getByText("Feltet »Notat fra samtalen« skal udfyldes.").waitFor();
      await expectAccessible(page);
      await e2e.shots.shot(page, "crisis-support-errors");
      await form
        .getByLabel("Notat fra samtalen")
        .fill("Samtale med mor om reaktioner hos barnet efter afhøringen. Aftalt ny samtale om en uge.");
      await form.getByRole("button", { name: "Registrér krisestøtte" }).click();
      await form.getByText("Krisestøtten til en omsorgsperson er registreret.").waitFor();
      const sessions = page.locator('li[data-crisis="CAREGIVER"]');
      await sessions.first().waitFor();
      await expect(sessions.first().textContent()).resolves.toContain("Camilla Berg");
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "crisis-support-recorded");
      await page.close();

      const caseworker = await signIn(e2e, "caseworker-kbh");
      await openCase(caseworker, nameOf(course));
      const seen = caseworker.locator('li[data-crisis="CAREGIVER"]');
      await expect(seen.count()).resolves.toBe(1);
      const text = (await seen.textContent()) ?? "";
      expect(text).toContain("en omsorgsperson");
      expect(text).not.toContain("Camilla Berg");
      expect((await caseworker.locator("main").textContent()) ?? "").not.toContain("Aftalt ny samtale");
      // Crisis support is the børnehus's to record: no form for the municipality.
      await expect(caseworker.locator("form#crisis-support").count()).resolves.toBe(0);
      await expectAccessible(caseworker);
      await caseworker.close();
    });
  });

  it("the coordinator moves a samråd and then cancels it; the caseworker sees the new time, then the cancellation", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      const course = pick(
        "persona:coordinator-hovedstaden",
        (c) =>
          c.course.status === "ACTIVE" &&
          takesPart(c, "caseworker-kbh") &&
          c.finalNote === null &&
          c.meetings.some((m) => m.kind === "PLANNING" && m.status === "HELD"),
      );
      const page = await signIn(e2e, "coordinator-hovedstaden");
      await openCase(page, nameOf(course));
      await page.getByRole("link", { name: "Planlæg samråd" }).click();
      const when = page.getByRole("group", { name: "Tidspunkt" });
      await when.getByLabel(/^Dato/).fill(danishDateIn(2));
      await when.getByLabel(/^Klokkeslæt/).fill("10:00");
      await page.getByLabel("Dagsorden").fill("1. Status fra hver sektor\n2. Opfølgning på planen");
      await page.getByRole("button", { name: "Planlæg samråd" }).click();
      await page.getByRole("status").getByText("Samrådet er planlagt.").waitFor();
      const meetingUrl = page.url();

      // Move it: to 13:30 three days from now.
      const move = page.locator("form#move-meeting");
      const to = move.getByRole("group", { name: "Nyt tidspunkt" });
      await to.getByLabel(/^Dato/).fill(danishDateIn(3));
      await to.getByLabel(/^Klokkeslæt/).fill("13:30");
      await move.getByRole("button", { name: "Flyt samrådet" }).click();
      await move.getByText("Samrådet er flyttet. Deltagerne ser det nye tidspunkt.").waitFor();
      // "Planned" was the news of the page's opening, not of the move.
      await expect(page.getByText("Samrådet er planlagt.").count()).resolves.toBe(0);
      const lead = page.locator("p.lead");
      await expect.poll(async () => (await lead.textContent()) ?? "", POLL).toContain("13.30");
      const movedText = (await lead.textContent()) ?? "";
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "meeting-moved");

      // The caseworker, through the case page, sees the new time.
      const caseworker = await signIn(e2e, "caseworker-kbh");
      await openCase(caseworker, nameOf(course));
      await caseworker.locator(`main a[href="${new URL(meetingUrl).pathname}"]`).click();
      await caseworker.waitForURL(meetingUrl);
      await expect.poll(async () => (await caseworker.locator("p.lead").textContent()) ?? "", POLL).toBe(movedText);
      // Moving and cancelling are the børnehus's: no such forms for the municipality.
      await expect(caseworker.locator("form#move-meeting, form#cancel-meeting").count()).resolves.toBe(0);
      await expectAccessible(caseworker);

      // Cancel it: a reason, a confirmation (and "no" changes nothing).
      const cancel = page.locator("form#cancel-meeting");
      await cancel.getByRole("button", { name: "Aflys samrådet" }).click();
      await cancel.locator("[data-error-summary]").getByText("Feltet »Begrundelse for aflysningen« skal udfyldes.").waitFor();
      await cancel.getByLabel("Begrundelse for aflysningen").fill("Barnet er syg; nyt samråd planlægges, når barnet er rask.");
      await cancel.getByRole("button", { name: "Aflys samrådet" }).click();
      const dialog = page.getByRole("dialog", { name: "Aflys samrådet?" });
      await dialog.waitFor();
      await expectAccessible(page);
      await e2e.shots.shot(page, "meeting-confirm-cancel");
      await dialog.getByRole("button", { name: "Nej, gå tilbage" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect((await lead.textContent()) ?? "").toContain("Planlagt");
      await cancel.getByRole("button", { name: "Aflys samrådet" }).click();
      await dialog.getByRole("button", { name: "Ja, aflys samrådet" }).click();
      await expect.poll(async () => (await lead.textContent()) ?? "", POLL).toContain("Aflyst: Barnet er syg");
      await expect(page.locator("form#cancel-meeting").count()).resolves.toBe(0);
      await expectAccessible(page);
      await e2e.shots.shot(page, "meeting-cancelled");

      await caseworker.reload();
      await expect.poll(async () => (await caseworker.locator("p.lead").textContent()) ?? "", POLL).toContain("Aflyst: Barnet er syg");
      await caseworker.close();
      await page.close();
    });
  });

  it("a leader finds a break-the-glass unjustified in her review queue; the opener's leader gets the alert and acknowledges it", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // The police leader breaks the glass for one of her people's cases.
      const police = await signIn(e2e, "leader-police-kbh");
      await police.getByRole("link", { name: "Mine sager" }).click();
      const row = police.getByRole("region", { name: "Sager med begrænset adgang" }).locator("tr[data-restricted-case-id]").first();
      await row.waitFor();
      const caseId = (await row.getAttribute("data-restricted-case-id")) as string;
      used.add(caseId);
      await row.getByRole("button", { name: /^Bryd glasset/ }).click();
      const dialog = police.getByRole("dialog", { name: "Bryd glasset" });
      await dialog.getByLabel("Begrundelse").fill("Anholdelse i nat: sigtede nævner barnet, jeg skal se samrådets plan nu");
      await dialog.getByRole("button", { name: "Bryd glasset og åbn sagen" }).click();
      await police.getByText(/^Nødadgang til .+\. Din brug af sagen bliver gennemgået\.$/).waitFor();
      // Before the review: no alert for her.
      await police.getByRole("link", { name: "Advarsler" }).click();
      await police.getByRole("heading", { level: 1, name: "Advarsler" }).waitFor();
      await police.locator('[data-empty="alerts"], li[data-alert]').first().waitFor();
      await expect(police.locator('li[data-alert="EMERGENCY_ACCESS_UNJUSTIFIED"]').count()).resolves.toBe(0);

      // The børnehus leader lands on her dashboard, with the review queue.
      const leader = await signIn(e2e, "leader-boernehus-hovedstaden");
      const queue = leader.locator("[data-review-queue]");
      await queue.getByRole("heading", { level: 2, name: "Nødadgange til gennemgang" }).waitFor();
      const item = queue.locator("li[data-emergency-access]").filter({ hasText: "Susanne Dam" }).filter({ hasText: "Anholdelse i nat" });
      await item.waitFor();
      await expectAccessible(leader);
      await e2e.shots.shot(leader, "review-queue");
      await item.getByRole("radio", { name: "Ikke begrundet" }).check();
      await item.getByText("Adgangen lukkes med det samme").waitFor();
      await item.getByLabel("Bemærkning (valgfri)").fill("Sagen var ikke akut; bed om at blive føjet til samrådet.");
      await item.getByRole("button", { name: "Gem vurderingen" }).click();
      await queue.getByRole("status").getByText("Nødadgangen for Susanne Dam er vurderet: Ikke begrundet.").waitFor();
      await item.waitFor({ state: "detached" });
      await expectNoDeveloperText(leader);
      await expectAccessible(leader);
      await e2e.shots.shot(leader, "review-done");
      await leader.close();

      // The police leader's alert: shown with what it means, then acknowledged and gone.
      await police.reload();
      const alert = police.locator('li[data-alert="EMERGENCY_ACCESS_UNJUSTIFIED"]');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain("Nødadgang fundet ubegrundet");
      await expect(alert.textContent()).resolves.toContain("Adgangen er lukket.");
      await expectAccessible(police);
      await e2e.shots.shot(police, "alerts-police-leader");
      await alert.getByRole("button", { name: "Kvittér for advarslen: Nødadgang fundet ubegrundet" }).click();
      await alert.waitFor({ state: "detached" });
      await police.reload();
      await police.locator('[data-empty="alerts"], li[data-alert]').first().waitFor();
      await expect(police.locator('li[data-alert="EMERGENCY_ACCESS_UNJUSTIFIED"]').count()).resolves.toBe(0);
      // And the access is closed at once.
      await police.goto(`${e2e.web.url}/cases/${caseId}`);
      await police.getByRole("heading", { level: 1, name: "Børnehussag" }).waitFor();
      await expect(police.getByText(/^Nødadgang til/).count()).resolves.toBe(0);
      await police.close();
    });
  });

  it("the data protection officer lands on the access report and finds a child by CPR number", { timeout: 300_000 }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // A look-up to report: the coordinator opens a Copenhagen child's case.
      const course = pick("persona:coordinator-hovedstaden", (c) => c.municipalityCode === "0101" && c.course.status === "ACTIVE");
      const coordinator = await signIn(e2e, "coordinator-hovedstaden");
      await openCase(coordinator, nameOf(course));
      await coordinator.close();

      const dpo = await signIn(e2e, "dpo-kbh");
      expect(new URL(dpo.url()).pathname).toBe("/data-protection");
      const form = dpo.locator("form#access-report");
      await form.getByRole("button", { name: "Vis indsigtsrapporten" }).click();
      await form.locator("[data-error-summary]").getByText("Feltet »Barnets CPR-nummer« skal udfyldes.").waitFor();
      // A number the API refuses: the catalogue's words, naming the field by its label.
      await form.getByLabel("Barnets CPR-nummer").fill("12-34");
      await form.getByRole("button", { name: "Vis indsigtsrapporten" }).click();
      await form
        .getByRole("alert")
        .getByText(/»Barnets CPR-nummer«/)
        .waitFor();
      await expectNoDeveloperText(dpo);
      await expectAccessible(dpo);
      await e2e.shots.shot(dpo, "access-report-refused");

      await form.getByLabel("Barnets CPR-nummer").fill(course.child.cpr);
      await form.getByRole("button", { name: "Vis indsigtsrapporten" }).click();
      const report = dpo.locator("[data-access-report]");
      await report.getByRole("heading", { level: 2, name: `Indsigtsrapport for CPR-nummer ${course.child.cpr}` }).waitFor();
      const rows = report.locator("tbody tr");
      await rows.first().waitFor();
      await expect(
        rows.filter({ hasText: "Børnehuset · Børnehus Hovedstaden" }).filter({ hasText: "Arbejde i samrådets sag" }).count(),
      ).resolves.toBeGreaterThan(0);
      const text = (await report.textContent()) ?? "";
      // Which kinds of data, never the data: not the child's name.
      expect(text).toContain("barnets stamdata");
      expect(text).not.toContain(course.child.firstName);
      await expectNoDeveloperText(dpo);
      await expectAccessible(dpo);
      await e2e.shots.shot(dpo, "access-report");
      await dpo.close();
    });
  });

  it("the caseworker records that a recommended measure has started; the 6-month follow-up is met, for the coordinator too", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      const course = pick(
        "persona:caseworker-kbh",
        (c) =>
          c.course.status !== "CLOSED" &&
          c.finalNote?.status === "SENT" &&
          takesPart(c, "coordinator-hovedstaden") &&
          c.recommendationResponses.some(
            (r) => r.response === "MEASURE" && c.measures.find((m) => m.id === r.measureId)?.startedAt === null,
          ),
      );
      const page = await signIn(e2e, "caseworker-kbh");
      await openCase(page, nameOf(course));
      await page.getByRole("link", { name: "Opfølgning efter 6 måneder" }).click();
      await page.getByRole("heading", { level: 1, name: "Opfølgning efter 6 måneder" }).waitFor();
      const decided = page.locator('[data-measure="decided"]');
      await decided.first().waitFor();
      const startedBefore = await page.locator('[data-measure="started"]').count();
      await expectAccessible(page);
      await e2e.shots.shot(page, "follow-up-due");
      // The start time offered is now: she keeps it.
      const form = page.getByRole("form", { name: /^Registrér start af / }).first();
      await form.getByRole("button", { name: "Registrér at foranstaltningen er startet" }).click();
      await expect.poll(() => page.locator('[data-measure="started"]').count(), POLL).toBe(startedBefore + 1);
      await page
        .locator("[data-follow-up-clock]")
        .getByText(/^Opfølgning: (Overholdt|Klaret for sent), Klaret /)
        .waitFor();
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "follow-up-met");
      // Her alerts: the steps she owns that are due, or an empty list that says why.
      await page.getByRole("link", { name: "Advarsler" }).click();
      await page.getByRole("heading", { level: 1, name: "Advarsler" }).waitFor();
      await page.locator('[data-empty="alerts"], li[data-alert]').first().waitFor();
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "alerts-caseworker");
      await page.close();

      // Shared: the coordinator reads the same follow-up, with no form of her own.
      const coordinator = await signIn(e2e, "coordinator-hovedstaden");
      await openCase(coordinator, nameOf(course));
      await coordinator.getByRole("link", { name: "Opfølgning efter 6 måneder" }).click();
      await expect.poll(() => coordinator.locator('[data-measure="started"]').count(), POLL).toBe(startedBefore + 1);
      await expect(coordinator.getByRole("form", { name: /^Registrér start af / }).count()).resolves.toBe(0);
      await expectAccessible(coordinator);
      await coordinator.close();
    });
  });

  it("the coordinator records the family's motivation at the planning samråd; the caseworker sees it on the timeline, the investigator does not", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // Only adds motivation, so it may share its course with an earlier scenario (the one course of this
      // world with a measure, a planning samråd, the caseworker and the investigator).
      const course = e2e.stack.courseOf(
        "persona:coordinator-hovedstaden",
        (c) =>
          c.course.status !== "CLOSED" &&
          c.measures.length > 0 &&
          c.meetings.some((m) => m.kind === "PLANNING" && m.status !== "CANCELLED") &&
          takesPart(c, "caseworker-kbh", "investigator-kbh"),
      );
      const page = await signIn(e2e, "coordinator-hovedstaden");
      await openCase(page, nameOf(course));
      const form = page.locator("form#motivation-boernehus");
      await form.getByRole("radio", { name: "planlægningssamrådet" }).check();
      await form.getByRole("group", { name: "Barnets motivation" }).getByRole("radio", { name: "lav" }).check();
      await form.getByRole("group", { name: "Familiens motivation" }).getByRole("radio", { name: "blandet" }).check();
      await form.getByRole("checkbox", { name: "Forældrenes modstand" }).check();
      await form.getByRole("checkbox", { name: "Andet" }).check();
      // OTHER needs its few words: the app says so in Danish.
      await form.getByRole("button", { name: "Gem motivation" }).click();
      await form.locator("[data-error-summary]").getByText("Feltet »Skriv kort, hvad det er« skal udfyldes.").waitFor();
      await form.getByLabel("Skriv kort, hvad det er").fill("Familien skal flytte");
      await form.getByRole("button", { name: "Gem motivation" }).click();
      await form.getByText("Motivationen er gemt.").waitFor();
      const line = "Motivation ved planlægningssamrådet: barnet lav, familien blandet (forældrenes modstand, Familien skal flytte)";
      await expect.poll(async () => (await page.locator(".timeline").textContent()) ?? "", POLL).toContain(line);
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "motivation-recorded");
      await page.close();

      // The caseworker reads it on the timeline, and each measure's paragraph of Barnets lov; she records
      // the municipality's set points, not the børnehus's.
      const caseworker = await signIn(e2e, "caseworker-kbh");
      await openCase(caseworker, nameOf(course));
      await expect(caseworker.locator(".timeline").textContent()).resolves.toContain(line);
      await expect(caseworker.locator("[data-legal-basis]").first().textContent()).resolves.toMatch(/^Efter Barnets lov § \d+/);
      await expect(caseworker.locator("form#motivation-boernehus").count()).resolves.toBe(0);
      await caseworker.close();

      // The investigator takes part in the case and sees its timeline, without the family's motivation.
      const investigator = await signIn(e2e, "investigator-kbh");
      await openCase(investigator, nameOf(course));
      const timeline = (await investigator.locator(".timeline").textContent()) ?? "";
      expect(timeline).toContain("Henvisning fra kommunen");
      expect(timeline).not.toContain("Motivation ved");
      await expectAccessible(investigator);
      await investigator.close();
    });
  });

  it("issue 23: the caseworker records sparring and sees the caseworker history; the leader changes the caseworker and sees the caseload; the coordinator removes the former caseworker", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // Any open course of hers: the earlier scenarios' writes (crisis support, a moved samråd) change nothing
      // this one reads, and it runs last, so its own writes change nothing they read.
      const course = e2e.stack.courseOf("persona:caseworker-kbh", (c) => c.course.closedAt === null);
      const page = await signIn(e2e, "caseworker-kbh");
      await openCase(page, nameOf(course));
      const history = page.locator("ol.caseworker-history li");
      await expect(history.count()).resolves.toBe(course.caseworkerAssignments.length);
      // Changing the caseworker is the leader's: no form for her.
      await expect(page.locator("form#reassign").count()).resolves.toBe(0);
      const form = page.locator("form#consultation");
      await form.getByRole("radio", { name: "Børnehuset" }).check();
      await form.getByRole("button", { name: "Registrér sparring" }).click();
      await form.locator("[data-error-summary]").getByText("Feltet »Hvad talte I om?« skal udfyldes.").waitFor();
      await form.getByLabel("Hvad talte I om?").fill("Sparring med psykologen om barnets reaktioner og næste skridt.");
      await form.getByRole("button", { name: "Registrér sparring" }).click();
      await form.getByText("Sparringen er registreret.").waitFor();
      const consultations = page.getByRole("region", { name: "Sparring mellem kommunen og børnehuset" });
      await expect.poll(() => consultations.getByText("registreret af Mette Lund (Kommunen)").count(), POLL).toBeGreaterThan(0);
      await expectNoDeveloperText(page);
      await expectAccessible(page);
      await e2e.shots.shot(page, "consultation-recorded");
      await page.close();

      // The leader changes the caseworker from the case page, and sees her caseworkers' caseload on her dashboard.
      const leader = await signIn(e2e, "leader-kbh");
      await expect
        .poll(() => leader.getByRole("region", { name: "Sagstal pr. sagsbehandler" }).locator("tbody tr").count(), POLL)
        .toBeGreaterThan(0);
      await expectAccessible(leader);
      await e2e.shots.shot(leader, "caseload");
      await leader.goto(`${e2e.web.url}/cases/${course.caseId}`);
      await leader.getByRole("heading", { level: 1, name: `Sag for ${nameOf(course)}` }).waitFor();
      const reassign = leader.locator("form#reassign");
      await reassign.getByLabel("Ny sagsbehandlers navn").fill("Syntetisk Rådgiver");
      await reassign.getByLabel("Ny sagsbehandlers bruger-id").fill("persona:staff-kbh-e2e");
      await reassign.getByRole("button", { name: "Skift sagsbehandler" }).click();
      await reassign.getByText("Syntetisk Rådgiver er nu sagsbehandler på sagen.").waitFor();
      await expect.poll(() => leader.locator("ol.caseworker-history li").count(), POLL).toBe(course.caseworkerAssignments.length + 1);
      await expectNoDeveloperText(leader);
      await expectAccessible(leader);
      await e2e.shots.shot(leader, "caseworker-changed");
      await leader.close();

      // The coordinator sees that Mette Lund takes part but is no longer the caseworker, and removes
      // her; Mette then no longer opens the case.
      const coordinator = await signIn(e2e, "coordinator-hovedstaden");
      await coordinator.goto(`${e2e.web.url}/cases/${course.caseId}`);
      await coordinator.getByRole("heading", { level: 1, name: `Sag for ${nameOf(course)}` }).waitFor();
      const notice = coordinator.locator("[data-former-caseworkers]");
      await notice
        .getByText("Kommunen har skiftet sagsbehandler til Syntetisk Rådgiver. Mette Lund deltager stadig i sagen", { exact: false })
        .waitFor();
      await expectAccessible(coordinator);
      await e2e.shots.shot(coordinator, "former-caseworker-notice");
      await coordinator.getByRole("link", { name: "Invitér eller fjern deltagere" }).click();
      await coordinator.getByRole("button", { name: "Fjern Mette Lund fra sagen" }).click();
      await coordinator.getByRole("button", { name: "Ja, fjern" }).click();
      await coordinator.getByText("Mette Lund deltager ikke længere i sagen.").waitFor();
      await coordinator.close();
      const mette = await signIn(e2e, "caseworker-kbh");
      await mette.goto(`${e2e.web.url}/cases/${course.caseId}`);
      await mette.getByText("Sagen findes ikke, eller du har ikke adgang til den.").waitFor();
      await mette.close();
    });
  });
  it("the data protection officer is told when one of her municipality's people broke the glass without reason", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // Last in the file, and it edits the case's participants: every other story is done with its
      // course by now, so any open Copenhagen case serves. Arranged through the API (the break-glass
      // and review screens have their own story above): its caseworker breaks the glass, her
      // municipality's leader finds it unjustified.
      const course = e2e.stack.world.courses.findLast((c) => c.municipalityCode === "0101" && c.course.status !== "CLOSED") as Course;
      await unjustifiedEmergencyAccess(e2e.stack, {
        caseId: course.caseId,
        opener: "caseworker-kbh",
        reviewer: "leader-kbh",
        reason: "Underretning i weekenden om akut fare for barnet",
      });

      const dpo = await signIn(e2e, "dpo-kbh");
      await dpo.getByRole("link", { name: "Advarsler" }).click();
      await dpo.getByRole("heading", { level: 1, name: "Advarsler" }).waitFor();
      const alert = dpo.locator('li[data-alert="EMERGENCY_ACCESS_UNJUSTIFIED"]');
      await alert.waitFor();
      await expect(dpo.locator("li[data-alert]").count()).resolves.toBe(1);
      const text = (await alert.textContent()) ?? "";
      expect(text).toContain("Nødadgang fundet ubegrundet");
      expect(text).toContain("Adgangen er lukket.");
      // The case by its reference, never the child: she may not open it.
      expect(text).not.toContain(course.child.firstName);
      await expect(alert.getByRole("link").count()).resolves.toBe(0);
      await expectNoDeveloperText(dpo);
      await expectAccessible(dpo);
      await e2e.shots.shot(dpo, "alerts-dpo");
      await alert.getByRole("button", { name: "Kvittér for advarslen: Nødadgang fundet ubegrundet" }).click();
      await alert.waitFor({ state: "detached" });
      await dpo.reload();
      await dpo.locator('[data-empty="alerts"]').waitFor();
      await dpo.close();
    });
  });
});

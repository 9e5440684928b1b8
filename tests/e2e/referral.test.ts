import { formatCpr } from "@samraad/synthetic";
import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./support/browserStack.ts";
import { expectAccessible, openCase, signIn } from "./support/session.ts";

// Issue 20 in Chromium, through the UI only: the caseworker refers, the børnehus coordinator
// acknowledges and registers the course from the referral, the caseworker then sees the course;
// and the police's booking is refused on a custody holder's objection, then overridden with a
// legal basis and a reason. axe on every screen; screenshots kept.
const e2e = useBrowserStack("referral", { courses: 40 });

const CHILD = "Ida Henvisningsbarn";

describe("the referral hand-off in the browser", () => {
  it("caseworker refers → coordinator acknowledges and registers → caseworker sees the course", { timeout: 300_000 }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // 1. The caseworker refers, with the three criteria as a checklist.
      const caseworker = await signIn(e2e, "caseworker-kbh");
      await caseworker.getByRole("link", { name: "Henvisninger", exact: true }).click();
      await caseworker.getByRole("heading", { level: 1, name: "Henvisninger til børnehuset" }).waitFor();
      await expectAccessible(caseworker);
      await caseworker.getByRole("link", { name: "Ny henvisning" }).click();
      await caseworker.getByRole("heading", { level: 1, name: "Henvis til børnehus" }).waitFor();
      // Made by the synthetic generator (day + 60: the replacement-number range), so no real person's.
      await caseworker.getByLabel("CPR-nummer").fill(formatCpr("2015-03-12", 4821));
      await caseworker.getByLabel("Fornavn").fill("Ida");
      await caseworker.getByLabel("Efternavn").fill("Henvisningsbarn");
      await caseworker.getByLabel("Fødselsdato").fill("12.03.2015");
      await caseworker
        .locator("fieldset[data-notification]")
        .getByLabel("Bekymringen")
        .fill("Sundhedsplejersken har set mærker på barnets ryg.");
      await caseworker.getByLabel("Fysisk vold").check();
      await caseworker.getByLabel("Kommunen har politianmeldt sagen").check();
      // Two criteria are not enough: the app says so, in Danish, and sends nothing.
      await caseworker.getByLabel("Der er mistanke om eller viden om vold eller seksuelle overgreb").check();
      await caseworker.getByLabel("Der er truffet afgørelse om en børnefaglig undersøgelse").check();
      await caseworker.getByRole("button", { name: "Send henvisning" }).click();
      await caseworker.getByText("Alle tre kriterier skal være opfyldt for at henvise.").waitFor();
      await caseworker.getByLabel("En anden sektor (politi eller sundhedsvæsen) er involveret").check();
      await expectAccessible(caseworker);
      await e2e.shots.shot(caseworker, "caseworker-referral-form");
      await caseworker.getByRole("button", { name: "Send henvisning" }).click();
      await caseworker.getByText("Henvisningen er sendt til børnehuset.").waitFor();
      const row = caseworker.getByRole("row", { name: new RegExp(CHILD) });
      await expect(row.locator("[data-handover-status]").getAttribute("data-handover-status")).resolves.toBe("RECEIVED");
      await expect(row.textContent()).resolves.toContain("Modtaget af børnehuset");
      await expectAccessible(caseworker);
      await e2e.shots.shot(caseworker, "caseworker-referral-sent");

      // 2. The børnehus coordinator sees it in the queue, acknowledges it and registers the course.
      const coordinator = await signIn(e2e, "coordinator-hovedstaden");
      await coordinator.getByRole("link", { name: "Indgående henvisninger" }).click();
      await coordinator.getByRole("heading", { level: 1, name: "Indgående henvisninger" }).waitFor();
      const card = coordinator.locator("li[data-incoming-referral]").filter({ hasText: CHILD });
      await expect(card.textContent()).resolves.toContain("Mette Lund");
      await expectAccessible(coordinator);
      await e2e.shots.shot(coordinator, "coordinator-queue");
      await card.getByRole("button", { name: `Kvittér for modtagelsen ${CHILD}` }).click();
      await card.getByText("Kvitteret af børnehuset").waitFor();
      // The caseworker sees the acknowledgement.
      await caseworker.reload();
      await expect(caseworker.getByRole("row", { name: new RegExp(CHILD) }).textContent()).resolves.toContain("Kvitteret af Camilla Berg");
      await card.getByLabel("Belastningsgrad").selectOption("HIGH");
      await card.getByRole("button", { name: "Registrér forløb" }).click();
      await coordinator.getByText("Forløbet er registreret. Den henvisende sagsbehandler deltager i sagen.").waitFor();
      // The queue is fetched again: the registered referral leaves it.
      await expect.poll(() => coordinator.locator("li[data-incoming-referral]").filter({ hasText: CHILD }).count()).toBe(0);
      await expectAccessible(coordinator);
      await e2e.shots.shot(coordinator, "coordinator-registered");
      await coordinator.getByRole("link", { name: "Åbn sagen" }).click();
      await coordinator.getByRole("heading", { level: 1, name: `Sag for ${CHILD}` }).waitFor();

      // The coordinator invites the region's physician, who is not on the case yet (issue 20).
      await coordinator.getByRole("link", { name: "Invitér eller fjern deltagere" }).click();
      await coordinator.getByRole("heading", { level: 1, name: `Deltagere i sagen for ${CHILD}` }).waitFor();
      await coordinator.getByLabel(/^Organisation/).selectOption({ label: "Sundhedsvæsenet · REGION_H" });
      await expect(coordinator.getByLabel(/^Rolle/).inputValue()).resolves.toBe("physician");
      await coordinator.getByLabel("Navn", { exact: true }).fill("Line Østergaard");
      await coordinator.getByLabel(/^Bruger-id/).fill("persona:physician-rh");
      await coordinator.getByRole("button", { name: "Invitér", exact: true }).click();
      await coordinator.getByText("Line Østergaard deltager nu i sagen.").waitFor();
      await expectAccessible(coordinator);
      await e2e.shots.shot(coordinator, "coordinator-invited-physician");
      const physician = await signIn(e2e, "physician-rh");
      await openCase(physician, CHILD);
      await physician.locator('[data-live-state="live"]').waitFor();
      // Her part done, the coordinator removes her (after a question), and she loses the case.
      await coordinator.getByRole("button", { name: "Fjern Line Østergaard fra sagen" }).click();
      await expectAccessible(coordinator);
      await e2e.shots.shot(coordinator, "coordinator-remove-question");
      await coordinator.getByRole("button", { name: "Ja, fjern" }).click();
      await coordinator.getByText("Line Østergaard deltager ikke længere i sagen.").waitFor();
      await expect.poll(() => coordinator.locator("ul.participants li").filter({ hasText: "Line Østergaard" }).count()).toBe(0);
      await expectAccessible(coordinator);
      await e2e.shots.shot(coordinator, "coordinator-removed-physician");
      // Her open page stops updating at once and says so, instead of "connecting" for ever.
      await physician.locator('[data-live-state="refused"]').waitFor();
      await physician.getByRole("status").filter({ hasText: "Siden opdateres ikke længere automatisk" }).waitFor();
      await expectAccessible(physician);
      await e2e.shots.shot(physician, "physician-removed-page-stops");
      await physician.reload();
      await physician.getByText("Sagen findes ikke, eller du har ikke adgang til den.").waitFor();

      // 3. The caseworker sees the course registered, and opens the case she referred.
      await caseworker.reload();
      const registered = caseworker.getByRole("row", { name: new RegExp(CHILD) });
      await expect(registered.locator("[data-handover-status]").getAttribute("data-handover-status")).resolves.toBe("COURSE_REGISTERED");
      await expectAccessible(caseworker);
      await e2e.shots.shot(caseworker, "caseworker-course-registered");
      await registered.getByRole("link", { name: `Åbn sagen ${CHILD}` }).click();
      await caseworker.getByRole("heading", { level: 1, name: `Sag for ${CHILD}` }).waitFor();
      // Not "networkidle": the case page's live stream keeps a request open for as long as it is
      // shown, so the network is idle only by chance. Wait for the page's own signal, as openCase does.
      await caseworker.locator('[data-clocks-loaded="yes"] [data-live-state="live"]').waitFor();
      await expectAccessible(caseworker);
      await e2e.shots.shot(caseworker, "caseworker-case");
      // ... and it is among her cases.
      await caseworker.getByRole("link", { name: "Mine sager" }).click();
      await caseworker.getByRole("heading", { level: 1, name: "Mine sager" }).waitFor();
      await openCase(caseworker, CHILD);
    });
  });

  it("the police booking is refused on a recorded objection, then overridden with a legal basis and a reason", {
    timeout: 300_000,
  }, async () => {
    await e2e.shots.onFailure(e2e.browser, async () => {
      // A Copenhagen case the investigator takes part in, with a police report and custody holders, no objection yet.
      const course = e2e.stack.courseOf(
        "persona:investigator-kbh",
        (c) =>
          c.police !== null &&
          c.police.district === "KBH" &&
          c.municipalityCode === "0101" &&
          c.course.status !== "CLOSED" &&
          c.custodyHolders.length > 0 &&
          c.custodyHolders.every((h) => !h.objectsToVideoInterview),
      );
      const child = `${course.child.firstName} ${course.child.lastName}`;
      const holder = course.custodyHolders[0] as (typeof course.custodyHolders)[number];
      const interviews = () =>
        e2e.stack.subgraphs.police.client.videoInterview.count({ where: { policeReportId: course.police?.reportId as string } });
      const before = await interviews();

      // The investigator opens the booking form while there is no objection.
      const investigator = await signIn(e2e, "investigator-kbh");
      await openCase(investigator, child);
      const form = investigator.getByRole("form", { name: "Book videoafhøring" });
      await form.getByText("Kommunen har ikke registreret nogen indsigelse mod videoafhøring.").waitFor();

      // Meanwhile the caseworker records a custody holder's objection (custody holders screen).
      const caseworker = await signIn(e2e, "caseworker-kbh");
      await caseworker.goto(`${e2e.web.url}/children/${course.child.id}/custody`);
      await caseworker.getByRole("heading", { level: 1, name: `Forældremyndighed for ${child}` }).waitFor();
      await caseworker.getByRole("button", { name: `Registrér indsigelse fra ${holder.name}` }).click();
      await caseworker.getByText("Der er indsigelse mod videoafhøring.").waitFor();
      await expectAccessible(caseworker);
      await e2e.shots.shot(caseworker, "caseworker-custody-objection");

      // The booking from the form opened before is refused by the police subgraph, on the municipality's word.
      await form.getByRole("button", { name: "Book videoafhøring" }).click();
      await form
        .getByText(
          "En forældremyndighedsindehaver har gjort indsigelse mod videoafhøringen. Den kan kun bookes, hvis indsigelsen tilsidesættes med hjemmel og begrundelse.",
        )
        .waitFor();
      expect(await interviews()).toBe(before);
      // The form now shows the objection and the override step.
      await form.getByRole("group", { name: "Tilsidesæt indsigelsen" }).waitFor();
      await expectAccessible(investigator);
      await e2e.shots.shot(investigator, "investigator-refused-on-objection");
      // A reason is required, in the app's own words.
      await form.getByRole("button", { name: "Book videoafhøring" }).click();
      await investigator.getByText("Feltet »Begrundelse").first().waitFor();
      await form.getByLabel("Hjemmel").selectOption("OBJECTOR_IS_SUSPECT");
      await form.getByLabel(/^Begrundelse/).fill("Den forælder, der gør indsigelse, er selv mistænkt i sagen.");
      await form.getByRole("button", { name: "Book videoafhøring" }).click();
      await investigator.getByText("Videoafhøringen er booket.").waitFor();
      await investigator.getByText("Indsigelse tilsidesat: Den forælder, der gør indsigelse, er selv mistænkt").waitFor();
      await expect.poll(interviews).toBe(before + 1);
      const booked = await e2e.stack.subgraphs.police.client.videoInterview.findFirst({
        where: { policeReportId: course.police?.reportId as string, objectionOverrideBasis: { not: null } },
      });
      expect(booked).toMatchObject({
        custodyObjection: true,
        objectionOverrideBasis: "OBJECTOR_IS_SUSPECT",
        objectionOverrideReason: "Den forælder, der gør indsigelse, er selv mistænkt i sagen.",
        objectionOverriddenBy: "Jonas Vestergaard",
      });
      await expectAccessible(investigator);
      await e2e.shots.shot(investigator, "investigator-booked-with-override");
    });
  });
});

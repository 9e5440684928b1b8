import { AlertStore, createAlertWorker } from "@samraad/alerts";
import { scanBoernehusAlerts } from "@samraad/boernehus";
import { addCalendarDays, addCalendarMonths, clockSettings } from "@samraad/clocks";
import { scanPoliceAlerts } from "@samraad/police";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Alerts through the gateway: each sector's scan (run here at a chosen moment, as the
 * background worker would) raises the alerts for the people who own the next step, and
 * only they read them.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const ALERTS = `{ myPoliceAlerts { kind caseId subjectId } myBoernehusAlerts { kind caseId subjectId } }`;
type Alerts = { myPoliceAlerts: Array<{ kind: string; caseId: string }>; myBoernehusAlerts: Array<{ kind: string; caseId: string }> };

async function alertsOf(persona: string): Promise<Alerts> {
  const res = await stack.query<Alerts>(persona, ALERTS);
  expect(res.errors, persona).toBeUndefined();
  return res.data as Alerts;
}
const caseIdsOf = (a: Alerts) => [...a.myPoliceAlerts, ...a.myBoernehusAlerts].map((x) => x.caseId);

describe("alerts for the people who own the next step", () => {
  it("the investigator gets the interview alert; caseworkers, physicians and other municipalities get nothing", async () => {
    const course = stack.courseOf("persona:investigator-kbh", (c) => c.police !== null && c.police.district === "KBH");
    const police = course.police as NonNullable<typeof course.police>;
    // The interview is booked but, a week after the report, not held.
    const interview = police.videoInterview;
    if (!interview || interview.status === "HELD") {
      const booked = await stack.query(
        "investigator-kbh",
        `mutation($input: BookVideoInterviewInput!) { bookVideoInterview(input: $input) { id } }`,
        {
          input: {
            policeReportId: police.reportId,
            scheduledAt: addCalendarDays(new Date(police.reportedAt), 3).toISOString(),
            custodyConsent: "GIVEN",
          },
        },
      );
      expect(booked.errors).toBeUndefined();
    }
    const client = stack.subgraphs.police.client;
    const worker = createAlertWorker({
      store: new AlertStore(client),
      scanName: "police-alerts",
      scan: (now) => scanPoliceAlerts(client, clockSettings(), now),
    });
    const now = addCalendarDays(new Date(police.reportedAt), 8);
    const heldBefore = interview?.status === "HELD" && interview.heldAt && new Date(interview.heldAt) <= now;
    await worker.runOnce(now);

    const investigator = await alertsOf("investigator-kbh");
    if (heldBefore) expect(investigator.myPoliceAlerts.map((a) => a.caseId)).not.toContain(course.caseId);
    else
      expect(investigator.myPoliceAlerts).toContainEqual(
        expect.objectContaining({ kind: "INTERVIEW_NOT_HELD", caseId: course.caseId, subjectId: police.reportId }),
      );
    for (const persona of ["caseworker-frb", "caseworker-kbh", "physician-rh", "leader-police-kbh"]) {
      expect((await alertsOf(persona)).myPoliceAlerts, persona).toEqual([]);
    }
  });

  it("the børnehus participants get the final note alert; the other sectors and other regions get nothing", async () => {
    const course = stack.courseOf(
      "persona:coordinator-hovedstaden",
      (c) => c.course.type === "FULL_COURSE" && (c.finalNote?.sentAt ?? null) === null && c.course.closedAt === null,
    );
    const client = stack.subgraphs.boernehus.client;
    const worker = createAlertWorker({
      store: new AlertStore(client),
      scanName: "boernehus-alerts",
      scan: (now) => scanBoernehusAlerts(client, clockSettings(), now),
    });
    await worker.runOnce(addCalendarDays(addCalendarMonths(new Date(course.course.referralReceivedAt), 4), 1));

    const coordinator = await alertsOf("coordinator-hovedstaden");
    expect(coordinator.myBoernehusAlerts).toContainEqual(
      expect.objectContaining({ kind: "FINAL_NOTE_OVERDUE", caseId: course.caseId, subjectId: course.caseId }),
    );
    const boernehusParticipants = course.participants.filter((p) => p.sector === "BOERNEHUS").map((p) => p.sub);
    for (const persona of ["caseworker-frb", "caseworker-kbh", "investigator-kbh", "physician-rh", "leader-boernehus-hovedstaden"]) {
      if (boernehusParticipants.includes(`persona:${persona}`)) continue;
      expect(caseIdsOf(await alertsOf(persona)), persona).not.toContain(course.caseId);
    }
  });
});

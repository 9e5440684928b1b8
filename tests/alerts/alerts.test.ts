import { AlertStore, createAlertWorker } from "@samraad/alerts";
import { scanBoernehusAlerts } from "@samraad/boernehus";
import { addCalendarDays, addCalendarMonths, clockSettings } from "@samraad/clocks";
import { gatewayFollowUpFacts, scanMunicipalityAlerts } from "@samraad/municipality";
import { scanPoliceAlerts } from "@samraad/police";
import type { SyntheticCourse } from "@samraad/synthetic";
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
      // The municipality's signed word on custody, through the gateway, as the booking form fetches it.
      const statement = await stack.query<{ boernehusCase: { custodyStatement: string } }>(
        "investigator-kbh",
        `query($id: ID!) { boernehusCase(id: $id) { custodyStatement } }`,
        { id: course.caseId },
      );
      const custodyStatement = statement.data?.boernehusCase.custodyStatement;
      const booked = await stack.query(
        "investigator-kbh",
        `mutation($input: BookVideoInterviewInput!) { bookVideoInterview(input: $input) { id } }`,
        {
          input: {
            policeReportId: police.reportId,
            scheduledAt: addCalendarDays(new Date(police.reportedAt), 3).toISOString(),
            custodyConsent: "GIVEN",
            custodyStatement,
            // A seeded course may carry an objection; this test is about the alert, not the objection.
            objectionOverride: { legalBasis: "OBJECTOR_IS_SUSPECT", reason: "Syntetisk: den indsigende forælder er mistænkt." },
          },
        },
      );
      expect(booked.errors).toBeUndefined();
    }
    const client = stack.subgraphs.police.client;
    const worker = createAlertWorker({
      store: new AlertStore(client),
      scanName: "police-alerts",
      scan: (now) => scanPoliceAlerts(client, clockSettings(stack.clock), now),
      now: stack.clock.now,
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
      scan: (now) => scanBoernehusAlerts(client, clockSettings(stack.clock), now),
      now: stack.clock.now,
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

describe("the follow-up alert: the municipality's scan reads the børnehus's facts through the gateway", () => {
  const FOLLOW_UP = `{ myMunicipalityAlerts { kind caseId subjectId dueAt } }`;
  type FollowUp = { myMunicipalityAlerts: Array<{ kind: string; caseId: string; subjectId: string; dueAt: string }> };
  async function followUpsOf(persona: string) {
    const res = await stack.query<FollowUp>(persona, FOLLOW_UP);
    expect(res.errors, persona).toBeUndefined();
    return (res.data as FollowUp).myMunicipalityAlerts;
  }
  const currentCaseworker = (c: SyntheticCourse, sub: string) =>
    c.caseworkerAssignments.some((a) => a.caseworkerSub === sub && a.to === null);
  const sentWithRecommendations = (c: SyntheticCourse) => !!c.finalNote?.sentAt && c.finalNote.recommendations.length > 0;
  const measureDecided = (c: SyntheticCourse) => c.recommendationResponses.some((r) => r.response === "MEASURE" && r.measureId !== null);
  const sentAt = (c: SyntheticCourse) => new Date(c.finalNote?.sentAt as string);
  const find = (predicate: (c: SyntheticCourse) => boolean) => {
    const found = stack.world.courses.find(predicate);
    if (!found) throw new Error("no such course in the generated world");
    return found;
  };
  /** One scan and its alerts at `now`, as the background worker runs it (the job schedule aside). */
  const scanAt = async (now: Date) => {
    const client = stack.subgraphs.municipality.client;
    const facts = gatewayFollowUpFacts(stack.gatewayUrl, [() => stack.token("alerts-kbh"), () => stack.token("alerts-frb")]);
    const drafts = await scanMunicipalityAlerts(client, clockSettings(stack.clock), now, facts);
    return { drafts, raised: await new AlertStore(client).raise(drafts, now) };
  };

  it("the current caseworker of the owning municipality gets it once; a caseworker of another municipality never", async () => {
    const course = find(
      (c) =>
        c.municipalityCode === "0147" && currentCaseworker(c, "persona:caseworker-frb") && sentWithRecommendations(c) && !measureDecided(c),
    );
    // Ten days before the six months run out: DUE_SOON.
    const now = addCalendarDays(addCalendarMonths(sentAt(course), 6), -10);
    const first = await scanAt(now);
    expect(first.raised.map((a) => a.caseId)).toContain(course.caseId);
    const mine = (await followUpsOf("caseworker-frb")).filter((a) => a.caseId === course.caseId);
    expect(mine).toEqual([expect.objectContaining({ kind: "FOLLOW_UP_DUE", caseId: course.caseId, subjectId: course.caseId })]);
    for (const persona of ["caseworker-kbh", "leader-kbh", "coordinator-hovedstaden", "investigator-kbh"]) {
      const res = await stack.query<FollowUp>(persona, FOLLOW_UP);
      const seen = (res.data?.myMunicipalityAlerts ?? []).map((a) => a.caseId);
      expect(seen, persona).not.toContain(course.caseId);
    }
    // Scanned again the next day: the same step is not raised twice.
    const again = await scanAt(addCalendarDays(now, 1));
    expect(again.drafts.map((d) => d.caseId)).toContain(course.caseId);
    expect(again.raised.map((a) => a.caseId)).not.toContain(course.caseId);
    expect((await followUpsOf("caseworker-frb")).filter((a) => a.caseId === course.caseId)).toHaveLength(1);
  });

  it("no alert when the municipality decided a measure for a recommendation", async () => {
    const course = find(
      (c) =>
        c.municipalityCode === "0101" && currentCaseworker(c, "persona:caseworker-kbh") && sentWithRecommendations(c) && measureDecided(c),
    );
    const { drafts } = await scanAt(addCalendarDays(addCalendarMonths(sentAt(course), 6), -10));
    expect(drafts.map((d) => d.caseId)).not.toContain(course.caseId);
    expect((await followUpsOf("caseworker-kbh")).map((a) => a.caseId)).not.toContain(course.caseId);
  });

  it("the alert worker reads its own municipality's follow-up facts and nothing else; nobody else reads them", async () => {
    const frb = find((c) => c.municipalityCode === "0147" && sentWithRecommendations(c));
    const kbh = find((c) => c.municipalityCode === "0101" && sentWithRecommendations(c));
    const window = { sentFrom: "2000-01-01T00:00:00Z", sentTo: "2001-01-01T00:00:00Z" };
    const around = (c: SyntheticCourse) => ({
      sentFrom: addCalendarDays(sentAt(c), -1).toISOString(),
      sentTo: addCalendarDays(sentAt(c), 1).toISOString(),
    });
    const FACTS = `query ($sentFrom: DateTime!, $sentTo: DateTime!) { boernehusFollowUpFacts(sentFrom: $sentFrom, sentTo: $sentTo) { caseId finalNoteSentAt recommendationIds } }`;
    type Facts = { boernehusFollowUpFacts: Array<{ caseId: string; recommendationIds: string[] }> };
    const own = await stack.query<Facts>("alerts-kbh", FACTS, around(kbh));
    expect(own.errors).toBeUndefined();
    expect(own.data?.boernehusFollowUpFacts).toContainEqual(
      expect.objectContaining({ caseId: kbh.caseId, recommendationIds: kbh.finalNote?.recommendations.map((r) => r.id) }),
    );
    const other = await stack.query<Facts>("alerts-kbh", FACTS, around(frb));
    expect(other.data?.boernehusFollowUpFacts.map((f) => f.caseId)).not.toContain(frb.caseId);
    expect((await stack.query("alerts-kbh", FACTS, window)).errors).toBeUndefined();
    // Nothing but its one field: not a case, not a caseworker's alerts.
    const cases = await stack.query("alerts-kbh", `{ boernehusCases(first: 5) { id } }`);
    expect(cases.errors?.length).toBeGreaterThan(0);
    // And nobody else reads the facts, not even the municipality's own system or caseworker.
    for (const persona of ["caseworker-kbh", "system-kbh", "leader-kbh", "coordinator-hovedstaden", "statistics-extractor"]) {
      const res = await stack.query(persona, FACTS, around(kbh));
      expect(res.errors?.length, persona).toBeGreaterThan(0);
    }
  });
});

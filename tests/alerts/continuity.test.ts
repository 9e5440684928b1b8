import { AlertStore } from "@samraad/alerts";
import { scanBoernehusAlerts } from "@samraad/boernehus";
import { clockSettings } from "@samraad/clocks";
import { gatewayCourseStatuses, gatewayFollowUpFacts, scanMunicipalityAlerts } from "@samraad/municipality";
import type { SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Issue 23, points 2 and 3, through the gateway: one caseworker throughout (the history on the
 * case, reassigning by the leader, the CASEWORKER_CHANGED alert, the caseload per caseworker)
 * and sparring while the course runs (consultations recorded by both sides, the
 * CONSULTATION_OVERDUE reminder), each with who cannot.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const KBH_CASEWORKER = "persona:caseworker-kbh";
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const minutesAgo = (m: number) => new Date(stack.clock.now().getTime() - m * 60_000).toISOString();
const currentOf = (c: SyntheticCourse) => c.caseworkerAssignments.find((a) => a.to === null);
function find(predicate: (c: SyntheticCourse) => boolean): SyntheticCourse {
  const found = stack.world.courses.find(predicate);
  if (!found) throw new Error("no such course in the generated world");
  return found;
}
const isParticipant = (c: SyntheticCourse, sub: string) => c.participants.some((p) => p.sub === sub);

const HISTORY = `query($id: ID!) { boernehusCase(id: $id) { id caseworkerHistory { caseworkerName from to } } }`;
const ASSIGN = `mutation($input: AssignCaseworkerInput!) { assignCaseworker(input: $input) { id caseworkerSub from to } }`;
const MUNICIPALITY_ALERTS = `{ myMunicipalityAlerts { kind caseId subjectId } }`;
const BOERNEHUS_ALERTS = `{ myBoernehusAlerts { kind caseId subjectId dueAt } }`;
const CASELOADS = `{ caseworkerCaseloads { caseworkerSub caseworkerName boernehusCourses takenOver totalCaseload guideline } }`;
const RECORD = `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { id withSector recordedBySector recordedByName } }`;

type Alert = { kind: string; caseId: string; subjectId: string };
async function municipalityAlertsOf(persona: string): Promise<Alert[]> {
  const res = await stack.query<{ myMunicipalityAlerts: Alert[] }>(persona, MUNICIPALITY_ALERTS);
  expect(res.errors, persona).toBeUndefined();
  return res.data?.myMunicipalityAlerts ?? [];
}
async function boernehusAlertsOf(persona: string): Promise<Alert[]> {
  const res = await stack.query<{ myBoernehusAlerts: Alert[] }>(persona, BOERNEHUS_ALERTS);
  expect(res.errors, persona).toBeUndefined();
  return res.data?.myBoernehusAlerts ?? [];
}

/** The municipality's scan at `now`, with the børnehus's facts through the gateway, as the worker runs it. */
async function municipalityScan(now: Date) {
  const client = stack.subgraphs.municipality.client;
  const tokens = [() => stack.token("alerts-kbh"), () => stack.token("alerts-frb")];
  const drafts = await scanMunicipalityAlerts(
    client,
    clockSettings(stack.clock),
    now,
    gatewayFollowUpFacts(stack.gatewayUrl, tokens),
    gatewayCourseStatuses(stack.gatewayUrl, tokens),
  );
  return { drafts, raised: await new AlertStore(client).raise(drafts, now) };
}

describe("one caseworker throughout: the history on the case", () => {
  it("the samråd participants see every assignment, oldest first; another municipality and non-participants do not", async () => {
    const course = stack.courseOf(KBH_CASEWORKER, (c) => c.caseworkerAssignments.length > 1);
    const res = await stack.query<{ boernehusCase: { caseworkerHistory: Array<{ caseworkerName: string; from: string }> } }>(
      "caseworker-kbh",
      HISTORY,
      { id: course.caseId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.boernehusCase.caseworkerHistory.map((a) => a.caseworkerName)).toEqual(
      course.caseworkerAssignments.map((a) => a.caseworkerName),
    );
    // The børnehus's coordinator of the case sees it too (SAMRAAD).
    const coordinator = course.participants.find((p) => p.sector === "BOERNEHUS" && p.sub === "persona:coordinator-hovedstaden");
    if (coordinator) {
      const seen = await stack.query<{ boernehusCase: { caseworkerHistory: unknown[] } }>("coordinator-hovedstaden", HISTORY, {
        id: course.caseId,
      });
      expect(seen.data?.boernehusCase.caseworkerHistory).toHaveLength(course.caseworkerAssignments.length);
    }
    // Another municipality's caseworker and a police investigator outside the case: the case does not exist for them.
    for (const persona of ["caseworker-frb", "investigator-kbh"]) {
      if (isParticipant(course, `persona:${persona}`)) continue;
      const refused = await stack.query<{ boernehusCase: unknown }>(persona, HISTORY, { id: course.caseId });
      expect(refused.data?.boernehusCase ?? null, persona).toBeNull();
      expect(codeOf(refused), persona).toBe("NOT_FOUND");
    }
    // The national analyst has no samråd scope at all.
    const analyst = await stack.query("analyst-national", HISTORY, { id: course.caseId });
    expect(analyst.data?.boernehusCase ?? null).toBeNull();
    expect(analyst.errors?.length).toBeGreaterThan(0);
  });
});

describe("reassigning, and the leader's alert when the caseworker changes during an open course", () => {
  it("a caseworker may not hand a case on, another municipality may not touch it; the leader may, and is told at the next scan", async () => {
    const open = find((c) => c.municipalityCode === "0101" && c.course.closedAt === null && currentOf(c)?.caseworkerSub === KBH_CASEWORKER);
    const closed = find((c) => c.municipalityCode === "0101" && c.course.closedAt !== null && currentOf(c) !== undefined);
    const input = (caseId: string) => ({
      caseId,
      caseworkerSub: "persona:staff-kbh-continuity",
      caseworkerName: "Syntetisk Rådgiver",
      from: minutesAgo(5),
    });

    const byCaseworker = await stack.query("caseworker-kbh", ASSIGN, { input: input(open.caseId) });
    expect(codeOf(byCaseworker)).toBe("FORBIDDEN");
    const byOther = await stack.query("caseworker-frb", ASSIGN, { input: input(open.caseId) });
    expect(codeOf(byOther)).toBe("NOT_FOUND");
    // Refused writes changed nothing: Mette Lund still holds the case.
    const still = await stack.subgraphs.municipality.client.caseworkerAssignment.findMany({ where: { caseId: open.caseId, to: null } });
    expect(still.map((a) => a.caseworkerSub)).toEqual([KBH_CASEWORKER]);

    const reassigned = await stack.query<{ assignCaseworker: { id: string } }>("leader-kbh", ASSIGN, { input: input(open.caseId) });
    expect(reassigned.errors).toBeUndefined();
    const afterClose = await stack.query<{ assignCaseworker: { id: string } }>("leader-kbh", ASSIGN, { input: input(closed.caseId) });
    expect(afterClose.errors).toBeUndefined();

    const now = stack.clock.now();
    const { drafts, raised } = await municipalityScan(now);
    const changed = drafts.filter((d) => d.kind === "CASEWORKER_CHANGED");
    expect(changed).toContainEqual(
      expect.objectContaining({ caseId: open.caseId, subjectId: reassigned.data?.assignCaseworker.id, recipient: { roles: ["leader"] } }),
    );
    // The closed course's change raises nothing.
    expect(changed.map((d) => d.caseId)).not.toContain(closed.caseId);
    expect(raised.map((a) => a.caseId)).toContain(open.caseId);

    const leader = await municipalityAlertsOf("leader-kbh");
    expect(leader).toContainEqual({ kind: "CASEWORKER_CHANGED", caseId: open.caseId, subjectId: reassigned.data?.assignCaseworker.id });
    expect(leader.map((a) => a.caseId)).not.toContain(closed.caseId);
    // Not for the caseworkers (the one who handed it on included), nor another municipality, nor the børnehus.
    for (const persona of ["caseworker-kbh", "caseworker-frb"]) {
      expect(
        (await municipalityAlertsOf(persona)).filter((a) => a.kind === "CASEWORKER_CHANGED"),
        persona,
      ).toEqual([]);
    }
    const boernehusLeader = await stack.query<{ myMunicipalityAlerts: Alert[] }>("leader-boernehus-hovedstaden", MUNICIPALITY_ALERTS);
    expect((boernehusLeader.data?.myMunicipalityAlerts ?? []).map((a) => a.caseId)).not.toContain(open.caseId);
    // Scanned again: the same change is not raised twice.
    const again = await municipalityScan(new Date(now.getTime() + 3_600_000));
    expect(again.raised.map((a) => a.caseId)).not.toContain(open.caseId);
  });
});

describe("the caseload per caseworker, against the 20-25 guideline", () => {
  type Row = { caseworkerSub: string; boernehusCourses: number; totalCaseload: number | null; guideline: string };
  it("the leader sees her own caseworkers, with the total the case system reports; nobody outside the organisation does", async () => {
    // The synthetic case system of 0101 reports its caseworkers' whole caseloads (packages/synthetic/src/caseloads.ts).
    const seeded = await stack.subgraphs.municipality.client.caseworkerCaseload.findMany({ where: { municipalityCode: "0101" } });
    expect(seeded.map((r) => r.caseworkerSub)).toContain(KBH_CASEWORKER);
    const report = await stack.query(
      "system-kbh",
      `mutation($input: ReportCaseworkerCaseloadInput!) { reportCaseworkerCaseload(input: $input) { caseworkerSub totalCaseload guideline } }`,
      { input: { caseworkerSub: KBH_CASEWORKER, caseworkerName: "Mette Lund", totalCaseload: 27, reportedAt: minutesAgo(1) } },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data).toEqual({ reportCaseworkerCaseload: { caseworkerSub: KBH_CASEWORKER, totalCaseload: 27, guideline: "ABOVE" } });

    const res = await stack.query<{ caseworkerCaseloads: Row[] }>("leader-kbh", CASELOADS);
    expect(res.errors).toBeUndefined();
    const rows = res.data?.caseworkerCaseloads ?? [];
    const held = await stack.subgraphs.municipality.client.caseworkerAssignment.count({
      where: { caseworkerSub: KBH_CASEWORKER, to: null, referral: { municipalityCode: "0101" } },
    });
    expect(rows.find((r) => r.caseworkerSub === KBH_CASEWORKER)).toMatchObject({
      boernehusCourses: held,
      totalCaseload: 27,
      guideline: "ABOVE",
    });
    // Only 0101's caseworkers: Frederiksberg's persona holds 0147 cases and is not listed.
    expect(rows.map((r) => r.caseworkerSub)).not.toContain("persona:caseworker-frb");
    expect(rows.reduce((n, r) => n + r.boernehusCourses, 0)).toBe(
      await stack.subgraphs.municipality.client.caseworkerAssignment.count({ where: { to: null, referral: { municipalityCode: "0101" } } }),
    );

    // A caseworker of the municipality, another municipality's caseworker: refused by the row rule.
    for (const persona of ["caseworker-kbh", "caseworker-frb"]) {
      const refused = await stack.query(persona, CASELOADS);
      expect(codeOf(refused), persona).toBe("FORBIDDEN");
      expect(refused.data?.caseworkerCaseloads ?? null, persona).toBeNull();
    }
    // The national analyst, the børnehus's leader and the police's: not even the municipality's internal scope.
    for (const persona of ["analyst-national", "leader-boernehus-hovedstaden", "leader-police-kbh"]) {
      const refused = await stack.query(persona, CASELOADS);
      expect(refused.data?.caseworkerCaseloads ?? null, persona).toBeNull();
      expect(refused.errors?.length, persona).toBeGreaterThan(0);
    }
    // Another municipality cannot report for it either, and a bad figure changes nothing.
    const bad = await stack.query(
      "system-kbh",
      `mutation($input: ReportCaseworkerCaseloadInput!) { reportCaseworkerCaseload(input: $input) { caseworkerSub } }`,
      { input: { caseworkerSub: KBH_CASEWORKER, caseworkerName: "Mette Lund", totalCaseload: -1, reportedAt: minutesAgo(0) } },
    );
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    const kept = await stack.subgraphs.municipality.client.caseworkerCaseload.findMany({ where: { caseworkerSub: KBH_CASEWORKER } });
    expect(kept.map((k) => [k.municipalityCode, k.totalCaseload])).toEqual([["0101", 27]]);
  });
});

describe("sparring while the course runs", () => {
  /** The course the first test records consultations in (the reminder test takes another). */
  let sparred = "";
  it("the municipality and the børnehus record consultations; the police, another municipality and a closed course cannot", async () => {
    const course = find(
      (c) =>
        c.municipalityCode === "0101" &&
        c.course.closedAt === null &&
        isParticipant(c, KBH_CASEWORKER) &&
        isParticipant(c, "persona:coordinator-hovedstaden") &&
        c.course.status !== "REFERRED",
    );
    sparred = course.caseId;
    const at = minutesAgo(30);
    const mine = await stack.query<{ recordConsultation: unknown }>("caseworker-kbh", RECORD, {
      input: { caseId: course.caseId, heldAt: at, withSector: "BOERNEHUS", summary: "Syntetisk: sparring om barnets trivsel." },
    });
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.recordConsultation).toMatchObject({
      withSector: "BOERNEHUS",
      recordedBySector: "MUNICIPALITY",
      recordedByName: "Mette Lund",
    });
    const theirs = await stack.query("coordinator-hovedstaden", RECORD, {
      input: { caseId: course.caseId, heldAt: at, withSector: "BOERNEHUS", summary: "Syntetisk: opfølgning med rådgiveren." },
    });
    expect(theirs.errors).toBeUndefined();
    // The børnehus records its own consultations only.
    const wrongSide = await stack.query("coordinator-hovedstaden", RECORD, {
      input: { caseId: course.caseId, heldAt: at, withSector: "POLICE", summary: "Syntetisk." },
    });
    expect(codeOf(wrongSide)).toBe("BAD_USER_INPUT");

    const listed = await stack.query<{ boernehusCase: { consultations: Array<{ heldAt: string; recordedBySector: string | null }> } }>(
      "caseworker-kbh",
      `query($id: ID!) { boernehusCase(id: $id) { consultations { heldAt recordedBySector } } }`,
      { id: course.caseId },
    );
    expect(
      listed.data?.boernehusCase.consultations
        .filter((c) => c.heldAt === at)
        .map((c) => c.recordedBySector)
        .sort(),
    ).toEqual(["BOERNEHUS", "MUNICIPALITY"]);

    const before = await stack.subgraphs.boernehus.client.consultation.count({ where: { caseId: course.caseId } });
    // Another municipality's caseworker: the case does not exist for her.
    const other = await stack.query("caseworker-frb", RECORD, {
      input: { caseId: course.caseId, heldAt: at, withSector: "BOERNEHUS", summary: "Syntetisk." },
    });
    expect(codeOf(other)).toBe("NOT_FOUND");
    // A police participant sees the case but does not record its consultations.
    const policeCourse = find((c) => c.course.closedAt === null && isParticipant(c, "persona:investigator-kbh"));
    const police = await stack.query("investigator-kbh", RECORD, {
      input: { caseId: policeCourse.caseId, heldAt: at, withSector: "BOERNEHUS", summary: "Syntetisk." },
    });
    expect(codeOf(police)).toBe("FORBIDDEN");
    // A closed course is read-only, also for the municipality's leader, who sees every case of hers.
    const closedCourse = find((c) => c.municipalityCode === "0101" && c.course.closedAt !== null);
    const closed = await stack.query("leader-kbh", RECORD, {
      input: { caseId: closedCourse.caseId, heldAt: closedCourse.course.closedAt, withSector: "BOERNEHUS", summary: "Syntetisk." },
    });
    expect(codeOf(closed)).toBe("INVALID_STATE_TRANSITION");
    expect(await stack.subgraphs.boernehus.client.consultation.count({ where: { caseId: course.caseId } })).toBe(before);
    expect(await stack.subgraphs.boernehus.client.consultation.count({ where: { caseId: closedCourse.caseId } })).toBe(
      closedCourse.consultations.length,
    );
  });

  it("an open course without a consultation for the configured weeks reminds both sides; a closed course never", async () => {
    const client = stack.subgraphs.boernehus.client;
    const now = stack.clock.now();
    const weeks = 4;
    const quiet = (c: SyntheticCourse) => {
      const last = c.consultations.at(-1)?.heldAt ?? c.course.referralReceivedAt;
      return now.getTime() - Date.parse(last) >= (weeks * 7 + 1) * 86_400_000;
    };
    const course = find((c) => c.caseId !== sparred && c.course.closedAt === null && isParticipant(c, KBH_CASEWORKER) && quiet(c));
    const closed = find((c) => c.course.closedAt !== null && c.course.status === "CLOSED" && quiet(c));
    const drafts = await scanBoernehusAlerts(client, clockSettings(stack.clock), now, { consultationReminderWeeks: weeks });
    const reminders = drafts.filter((d) => d.kind === "CONSULTATION_OVERDUE");
    expect(reminders.map((d) => d.caseId)).toContain(course.caseId);
    expect(reminders.map((d) => d.caseId)).not.toContain(closed.caseId);
    // For the samråd's municipality and børnehus people of the case, by person; never the police or health care.
    const mine = reminders.filter((d) => d.caseId === course.caseId);
    expect(mine.map((d) => d.recipient)).toContainEqual({ sub: KBH_CASEWORKER });
    expect(mine.every((d) => d.sector === "MUNICIPALITY" || d.sector === "BOERNEHUS")).toBe(true);
    await new AlertStore(client).raise(drafts, now);
    expect(await boernehusAlertsOf("caseworker-kbh")).toContainEqual(
      expect.objectContaining({ kind: "CONSULTATION_OVERDUE", caseId: course.caseId }),
    );
    expect((await boernehusAlertsOf("caseworker-frb")).map((a) => a.caseId)).not.toContain(course.caseId);
    // A shorter setting reminds sooner, a longer one later: the weeks are the configuration's.
    const longer = await scanBoernehusAlerts(client, clockSettings(stack.clock), now, { consultationReminderWeeks: 26 });
    expect(longer.filter((d) => d.kind === "CONSULTATION_OVERDUE").length).toBeLessThan(reminders.length);

    // A consultation now ends the quiet spell: no reminder for the case at the next scan.
    const recorded = await stack.query("caseworker-kbh", RECORD, {
      input: { caseId: course.caseId, heldAt: minutesAgo(10), withSector: "BOERNEHUS", summary: "Syntetisk: sparring." },
    });
    expect(recorded.errors).toBeUndefined();
    const after = await scanBoernehusAlerts(client, clockSettings(stack.clock), now, { consultationReminderWeeks: weeks });
    expect(after.filter((d) => d.kind === "CONSULTATION_OVERDUE").map((d) => d.caseId)).not.toContain(course.caseId);
  });
});

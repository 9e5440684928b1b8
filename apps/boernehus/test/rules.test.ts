import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asParticipant,
  caseworker,
  coordinator,
  courseInput,
  firstError,
  type Harness,
  investigator,
  M,
  physician,
  planningParticipants,
  startBoernehus,
  steps,
} from "./support.ts";

let h: Harness;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  h = await startBoernehus();
  s = steps(h);
});
afterAll(async () => h?.stop());

const counts = async () => ({
  cases: await h.db.boernehusCase.count(),
  participants: await h.db.caseParticipant.count(),
  meetings: await h.db.samraadMeeting.count(),
  meetingParticipants: await h.db.meetingParticipant.count(),
  decisions: await h.db.activityDecision.count(),
  actionItems: await h.db.actionItem.count(),
  sessions: await h.db.crisisSupportSession.count(),
  assessments: await h.db.assessment.count(),
  notes: await h.db.finalNote.count(),
  recommendations: await h.db.recommendation.count(),
  consultations: await h.db.consultation.count(),
});

/** Calls, expects the error, and checks that nothing at all was written. */
async function refused(principal = coordinator, query: string, variables: Record<string, unknown>, expected: Record<string, unknown>) {
  const before = await counts();
  const res = await h.call(principal, query, variables);
  expect(firstError(res)).toMatchObject(expected);
  expect(res.body.data?.[Object.keys(res.body.data ?? {})[0] ?? ""] ?? null).toBeNull();
  expect(await counts()).toEqual(before);
  return firstError(res);
}

describe("registerCourse", () => {
  it.each([
    ["childAgeAtReferral", { childAgeAtReferral: 18 }],
    ["childAgeAtReferral", { childAgeAtReferral: -1 }],
    ["abuseTypes", { abuseTypes: [] }],
    ["municipalityCode", { municipalityCode: "12" }],
    ["caseId", { caseId: "not-a-uuid" }],
    ["referralReceivedAt", { referralReceivedAt: "2099-01-01T00:00:00Z" }],
  ])("refuses a bad %s and writes nothing", async (field, override) => {
    await refused(coordinator, M.register, { input: courseInput(override) }, { code: "BAD_USER_INPUT", field });
  });

  it("refuses to register the same case twice", async () => {
    const caseId = await s.register();
    await refused(coordinator, M.register, { input: courseInput({ caseId }) }, { code: "CONFLICT" });
  });

  it("is the børnehus's to do: a caseworker is refused at the mutation", async () => {
    await refused(caseworker, M.register, { input: courseInput() }, { code: "FORBIDDEN", path: ["registerCourse"] });
  });
});

describe("case participants", () => {
  it("refuses a participant twice, a role that does not fit the sector, and an unknown case", async () => {
    const caseId = await s.register();
    const person = { caseId, sub: "persona:test-leader", name: "Test Leder", sector: "POLICE", organisation: "KBH", role: "leader" };
    await h.ok(coordinator, M.addParticipant, { input: person });
    await refused(coordinator, M.addParticipant, { input: person }, { code: "CONFLICT" });
    await refused(
      coordinator,
      M.addParticipant,
      { input: { ...person, sub: "persona:x", role: "caseworker" } },
      {
        code: "BAD_USER_INPUT",
        field: "role",
      },
    );
    await refused(
      coordinator,
      M.addParticipant,
      { input: { ...person, sub: "persona:x", role: "analyst" } },
      {
        code: "BAD_USER_INPUT",
        field: "role",
      },
    );
    await refused(
      coordinator,
      M.addParticipant,
      { input: { ...person, sub: "persona:x", sector: "NATIONAL" } },
      {
        code: "BAD_USER_INPUT",
        field: "sector",
      },
    );
    await refused(coordinator, M.addParticipant, { input: { ...person, caseId: randomUUID() } }, { code: "NOT_FOUND" });
    // A malformed id is bad input naming the field (issue 19.6), not a case that is not there.
    await refused(coordinator, M.addParticipant, { input: { ...person, caseId: "nope" } }, { code: "BAD_USER_INPUT", field: "caseId" });
  });
});

describe("samråd meetings", () => {
  const plan = (caseId: string, over: Record<string, unknown> = {}) => ({
    input: {
      caseId,
      kind: "PLANNING",
      scheduledAt: "2026-03-05T10:00:00Z",
      agenda: "Koordinering",
      participants: planningParticipants,
      ...over,
    },
  });

  it("a planning samråd without the municipality is refused, and nothing is written (no meeting, no participant, still REFERRED)", async () => {
    const caseId = await s.register();
    const e = await refused(
      coordinator,
      M.plan,
      plan(caseId, { participants: [asParticipant(coordinator), asParticipant(investigator)] }),
      {
        code: "BAD_USER_INPUT",
        field: "participants",
      },
    );
    expect(e.message).toMatch(/at least the municipality and the børnehus/);
    expect((await h.db.boernehusCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("REFERRED");
  });

  it("refuses bad participants and dates, naming the field", async () => {
    const caseId = await s.register();
    const wrongRole = [...planningParticipants, { name: "Test Person", sector: "HEALTH", organisation: "REGION_H", role: "investigator" }];
    await refused(coordinator, M.plan, plan(caseId, { participants: wrongRole }), {
      code: "BAD_USER_INPUT",
      field: "participants[3].role",
    });
    const twice = [...planningParticipants, asParticipant(caseworker)];
    await refused(coordinator, M.plan, plan(caseId, { participants: twice }), { code: "BAD_USER_INPUT", field: "participants" });
    await refused(coordinator, M.plan, plan(caseId, { scheduledAt: "2026-02-01T10:00:00Z" }), {
      code: "BAD_USER_INPUT",
      field: "scheduledAt",
    });
    await refused(coordinator, M.plan, plan(caseId, { agenda: "  " }), { code: "BAD_USER_INPUT", field: "agenda" });
    await refused(coordinator, M.plan, plan(caseId, { location: "x".repeat(301) }), { code: "BAD_USER_INPUT", field: "location" });
    await refused(coordinator, M.plan, plan(randomUUID()), { code: "NOT_FOUND" });
  });

  it("allows one planning samråd at a time, and follow-ups only after it was held", async () => {
    const { caseId, meeting } = await s.activeCourse();
    await refused(coordinator, M.plan, plan(caseId), { code: "INVALID_STATE_TRANSITION" });
    await refused(coordinator, M.plan, plan(caseId, { kind: "FOLLOW_UP" }), { code: "INVALID_STATE_TRANSITION" });

    // A cancelled planning meeting can be replaced.
    const cancelled = await h.ok<{ status: string; version: number }>(coordinator, M.cancel, {
      input: { meetingId: meeting.id, reason: "Sygdom", version: 1 },
    });
    expect(cancelled).toMatchObject({ status: "CANCELLED", version: 2 });
    await refused(
      coordinator,
      M.cancel,
      { input: { meetingId: meeting.id, reason: "Igen", version: 2 } },
      { code: "INVALID_STATE_TRANSITION" },
    );
    const replacement = await h.ok<{ id: string }>(coordinator, M.plan, plan(caseId, { scheduledAt: "2026-03-06T10:00:00Z" }));
    await s.held(replacement.id, 1, "2026-03-06T11:00:00Z");
    // A follow-up cannot come before the planning samråd it follows.
    await refused(coordinator, M.plan, plan(caseId, { kind: "FOLLOW_UP", scheduledAt: "2026-03-06T09:00:00Z" }), {
      code: "BAD_USER_INPUT",
      field: "scheduledAt",
    });
    const followUp = await h.ok<{ id: string }>(
      coordinator,
      M.plan,
      plan(caseId, { kind: "FOLLOW_UP", scheduledAt: "2026-03-20T09:00:00Z" }),
    );
    expect(followUp.id).toBeTruthy();
  });

  it("recording a meeting as held: stale version, twice, dates and decisions", async () => {
    const { meeting } = await s.activeCourse();
    const held = (over: Record<string, unknown>) => ({
      input: {
        meetingId: meeting.id,
        heldAt: "2026-03-05T11:00:00Z",
        minutes: "Referat",
        decisions: [{ activity: "OTHER", decision: "Noget", responsibleSector: "BOERNEHUS" }],
        version: 1,
        ...over,
      },
    });
    await refused(coordinator, M.held, held({ heldAt: "2026-02-01T11:00:00Z" }), { code: "BAD_USER_INPUT", field: "heldAt" });
    await refused(coordinator, M.held, held({ heldAt: "2099-01-01T11:00:00Z" }), { code: "BAD_USER_INPUT", field: "heldAt" });
    await refused(coordinator, M.held, held({ minutes: "" }), { code: "BAD_USER_INPUT", field: "minutes" });
    await refused(coordinator, M.held, held({ decisions: [{ activity: "OTHER", decision: "x", responsibleSector: "NATIONAL" }] }), {
      code: "BAD_USER_INPUT",
      field: "decisions[0].responsibleSector",
    });
    await refused(coordinator, M.held, held({ version: 7 }), { code: "CONFLICT" });
    await refused(coordinator, M.held, held({ meetingId: randomUUID() }), { code: "NOT_FOUND" });
    await h.ok(coordinator, M.held, held({}));
    await refused(coordinator, M.held, held({ version: 2 }), { code: "INVALID_STATE_TRANSITION" });
  });
});

describe("action items", () => {
  it("refuses bad input, a stale version and an illegal transition", async () => {
    const { meeting } = await s.activeCourse();
    const add = (over: Record<string, unknown>) => ({
      input: { meetingId: meeting.id, title: "Indkald forældre", owningSector: "MUNICIPALITY", dueAt: "2026-03-10T12:00:00Z", ...over },
    });
    await refused(caseworker, M.addItem, add({ dueAt: "2026-03-01T12:00:00Z" }), { code: "BAD_USER_INPUT", field: "dueAt" });
    await refused(caseworker, M.addItem, add({ owningSector: "NATIONAL" }), { code: "BAD_USER_INPUT", field: "owningSector" });
    await refused(caseworker, M.addItem, add({ title: "" }), { code: "BAD_USER_INPUT", field: "title" });
    await refused(caseworker, M.addItem, add({ meetingId: randomUUID() }), { code: "NOT_FOUND" });

    const item = await h.ok<{ id: string }>(caseworker, M.addItem, add({}));
    await refused(caseworker, M.itemStatus, { input: { id: item.id, status: "DONE", version: 5 } }, { code: "CONFLICT" });
    await refused(investigator, M.itemStatus, { input: { id: item.id, status: "DONE", version: 1 } }, { code: "FORBIDDEN" });
    await h.ok(caseworker, M.itemStatus, { input: { id: item.id, status: "CANCELLED", version: 1 } });
    await refused(caseworker, M.itemStatus, { input: { id: item.id, status: "OPEN", version: 2 } }, { code: "INVALID_STATE_TRANSITION" });
    await refused(caseworker, M.itemStatus, { input: { id: randomUUID(), status: "OPEN", version: 1 } }, { code: "NOT_FOUND" });
  });
});

describe("crisis support, assessment, consultations", () => {
  it("refuses dates out of order and illegal steps", async () => {
    const caseId = await s.register();
    const crisis = { caseId, recipient: "CHILD", heldAt: "2026-02-01T10:00:00Z", counsellorName: "Test Psykolog", notes: "n" };
    await refused(coordinator, M.crisis, { input: crisis }, { code: "BAD_USER_INPUT", field: "heldAt" });
    await refused(
      coordinator,
      M.crisis,
      { input: { ...crisis, heldAt: "2026-03-02T10:00:00Z", notes: " " } },
      {
        code: "BAD_USER_INPUT",
        field: "notes",
      },
    );

    await refused(
      coordinator,
      M.completeAssessment,
      { input: { caseId, completedAt: "2026-04-01T00:00:00Z", summary: "s" } },
      {
        code: "INVALID_STATE_TRANSITION",
      },
    );
    await refused(
      coordinator,
      M.startAssessment,
      { input: { caseId, startedAt: "2026-02-01T00:00:00Z" } },
      {
        code: "BAD_USER_INPUT",
        field: "startedAt",
      },
    );
    await h.ok(coordinator, M.startAssessment, { input: { caseId, startedAt: "2026-03-10T00:00:00Z" } });
    await refused(
      coordinator,
      M.startAssessment,
      { input: { caseId, startedAt: "2026-03-11T00:00:00Z" } },
      { code: "INVALID_STATE_TRANSITION" },
    );
    await refused(
      coordinator,
      M.completeAssessment,
      { input: { caseId, completedAt: "2026-03-09T00:00:00Z", summary: "s" } },
      {
        code: "BAD_USER_INPUT",
        field: "completedAt",
      },
    );
    await h.ok(coordinator, M.completeAssessment, { input: { caseId, completedAt: "2026-03-20T00:00:00Z", summary: "s" } });
    await refused(
      coordinator,
      M.completeAssessment,
      { input: { caseId, completedAt: "2026-03-21T00:00:00Z", summary: "s" } },
      {
        code: "INVALID_STATE_TRANSITION",
      },
    );

    const consultation = { caseId, heldAt: "2026-03-02T10:00:00Z", withSector: "HEALTH", summary: "Sparring" };
    await refused(coordinator, M.consultation, { input: consultation }, { code: "BAD_USER_INPUT", field: "withSector" });
    await refused(
      coordinator,
      M.consultation,
      { input: { ...consultation, withSector: "BOERNEHUS", heldAt: "2026-01-01T00:00:00Z" } },
      {
        code: "BAD_USER_INPUT",
        field: "heldAt",
      },
    );
    await refused(
      coordinator,
      M.consultation,
      { input: { ...consultation, caseId: randomUUID(), withSector: "POLICE" } },
      { code: "NOT_FOUND" },
    );
  });
});

describe("final note and closing", () => {
  it("is drafted only in an active course, once, and never sent unsigned", async () => {
    const referred = await s.register();
    await refused(
      coordinator,
      M.draft,
      { input: { caseId: referred, text: "Notat", recommendations: [] } },
      { code: "INVALID_STATE_TRANSITION" },
    );

    const { caseId } = await s.activeCourse();
    await refused(coordinator, M.draft, { input: { caseId, text: "", recommendations: [] } }, { code: "BAD_USER_INPUT", field: "text" });
    await refused(
      coordinator,
      M.draft,
      { input: { caseId, text: "Notat", recommendations: [{ kind: "OTHER", description: "" }] } },
      {
        code: "BAD_USER_INPUT",
        field: "recommendations[0].description",
      },
    );
    const note = await s.draft(caseId);
    await refused(coordinator, M.draft, { input: { caseId, text: "Igen", recommendations: [] } }, { code: "INVALID_STATE_TRANSITION" });

    await refused(coordinator, M.send, { input: { id: note.id, version: 1 } }, { code: "INVALID_STATE_TRANSITION" });
    await refused(coordinator, M.revise, { input: { id: note.id, version: 9, text: "x", recommendations: [] } }, { code: "CONFLICT" });
    await refused(
      coordinator,
      M.revise,
      { input: { id: note.id, version: 1, text: "x", recommendations: [{ id: randomUUID(), kind: "OTHER", description: "d" }] } },
      { code: "BAD_USER_INPUT", field: "recommendations[0].id" },
    );
    await refused(coordinator, M.sign, { input: { id: note.id, version: 9 } }, { code: "CONFLICT" });
    await refused(coordinator, M.sign, { input: { id: randomUUID(), version: 1 } }, { code: "NOT_FOUND" });
    // Writing the final note is the børnehus's: the municipality reads it but cannot sign it.
    await refused(caseworker, M.sign, { input: { id: note.id, version: 1 } }, { code: "FORBIDDEN", path: ["signFinalNote"] });

    await refused(coordinator, M.close, { input: { caseId, closedAt: "2026-05-01T00:00:00Z" } }, { code: "INVALID_STATE_TRANSITION" });
  });

  it("closes only after the final note was sent, and not before it", async () => {
    const { caseId } = await s.activeCourse();
    // The physician takes part, so the refusal below is about the closed course, not about row level.
    await h.ok(coordinator, M.addParticipant, { input: { caseId, ...asParticipant(physician) } });
    const sent = await s.sentNote(caseId);
    await refused(
      coordinator,
      M.close,
      { input: { caseId, closedAt: "2026-02-01T00:00:00Z" } },
      { code: "BAD_USER_INPUT", field: "closedAt" },
    );
    const beforeSent = new Date(new Date(sent.sentAt).getTime() - 60_000).toISOString();
    await refused(coordinator, M.close, { input: { caseId, closedAt: beforeSent } }, { code: "BAD_USER_INPUT", field: "closedAt" });
    await refused(
      coordinator,
      M.close,
      { input: { caseId, closedAt: "2099-01-01T00:00:00Z" } },
      { code: "BAD_USER_INPUT", field: "closedAt" },
    );
    await h.ok(coordinator, M.close, { input: { caseId, closedAt: new Date().toISOString() } });
    await refused(coordinator, M.close, { input: { caseId, closedAt: new Date().toISOString() } }, { code: "INVALID_STATE_TRANSITION" });
    await refused(
      physician,
      M.addItem,
      {
        input: {
          meetingId: (await h.db.samraadMeeting.findFirstOrThrow({ where: { caseId } })).id,
          title: "t",
          owningSector: "HEALTH",
          dueAt: "2026-03-10T00:00:00Z",
        },
      },
      { code: "INVALID_STATE_TRANSITION" },
    );
  });

  it("a samråd-only course has no assessment and no final note, and closes once its samråd was held", async () => {
    const caseId = await s.register({ type: "SAMRAAD_ONLY" });
    const meeting = await s.planning(caseId);
    await refused(
      coordinator,
      M.startAssessment,
      { input: { caseId, startedAt: "2026-03-06T00:00:00Z" } },
      { code: "INVALID_STATE_TRANSITION" },
    );
    await refused(coordinator, M.draft, { input: { caseId, text: "Notat", recommendations: [] } }, { code: "INVALID_STATE_TRANSITION" });
    await refused(coordinator, M.close, { input: { caseId, closedAt: "2026-03-20T00:00:00Z" } }, { code: "INVALID_STATE_TRANSITION" });
    await s.held(meeting.id);
    await refused(
      coordinator,
      M.close,
      { input: { caseId, closedAt: "2026-03-05T10:30:00Z" } },
      { code: "BAD_USER_INPUT", field: "closedAt" },
    );
    expect(await h.ok(coordinator, M.close, { input: { caseId, closedAt: "2026-03-20T00:00:00Z" } })).toMatchObject({ status: "CLOSED" });
  });
});

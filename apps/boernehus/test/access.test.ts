import { randomUUID } from "node:crypto";
import { grantKeysFromEnv, type Principal, verifyCaseGrant } from "@samraad/access";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asParticipant,
  caseworker,
  coordinator,
  courseInput,
  firstError,
  type Harness,
  investigator,
  leaderOf,
  M,
  physician,
  startBoernehus,
  steps,
} from "./support.ts";

/**
 * Row level (DESIGN.md 3.3): who sees which case, and who does not. The børnehus subgraph
 * is the authority; every way in (root fields, lists, `_entities`, mutations) is checked.
 */

let h: Harness;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  h = await startBoernehus();
  s = steps(h);
});
afterAll(async () => h?.stop());

// Synthetic personas (no real people).
/** Same sector and region as the coordinator, not a leader, and not in the case. */
const colleague: Principal = { ...coordinator, sub: "persona:test-coordinator-2-hovedstaden", name: "Test Kollega" };
/** A coordinator of another børnehus. */
const coordinatorSyd: Principal = {
  sub: "persona:test-coordinator-syddanmark",
  name: "Test Koordinator Syd",
  sector: "BOERNEHUS",
  organisation: "SYDDANMARK",
  roles: ["coordinator"],
};
/** A caseworker of Frederiksberg (0147), in the same region as 0101. */
const caseworker0147: Principal = {
  sub: "persona:test-caseworker-0147",
  name: "Test Rådgiver Frederiksberg",
  sector: "MUNICIPALITY",
  organisation: "0147",
  roles: ["caseworker"],
};
/** An on-call physician who takes part in none of these cases. */
const onCall: Principal = {
  sub: "persona:test-physician-on-call",
  name: "Test Vagtlæge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};
const leaderH = leaderOf("BOERNEHUS", "HOVEDSTADEN");
const leaderSyd = leaderOf("BOERNEHUS", "SYDDANMARK");
const leader0101 = leaderOf("MUNICIPALITY", "0101");
const leader0147 = leaderOf("MUNICIPALITY", "0147");

const DAY = 86_400_000;
const CASE_NOT_FOUND = "The case was not found, or you do not have access to it.";

const CASE = `query($id: ID!) { boernehusCase(id: $id) { id region municipalityCode myAccess { basis expiresAt } } }`;
const MEETING = `query($id: ID!) { samraadMeeting(id: $id) { id caseId kind } }`;
const LIST = `query($filter: CaseFilter) { boernehusCases(filter: $filter, first: 500) { id region municipalityCode } }`;
const ENTITY = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on BoernehusCase { id accessGrant }
  ... on SamraadMeeting { id }
  ... on ActionItem { id }
  ... on FinalNote { id }
  ... on Recommendation { id accessGrant }
} }`;

const caseRep = (id: string) => ({ __typename: "BoernehusCase", id });

async function listed(principal: Principal, filter: Record<string, unknown> = {}): Promise<string[]> {
  return (await h.ok<Array<{ id: string }>>(principal, LIST, { filter })).map((c) => c.id);
}

async function entities(principal: Principal, reps: Array<{ __typename: string; id: string }>) {
  const res = await h.call(principal, ENTITY, { reps });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?._entities as Array<{ id: string; accessGrant?: string | null } | null>;
}

/** Expects NOT_FOUND with exactly the message of a case that does not exist. */
async function invisible(principal: Principal, caseId: string) {
  const res = await h.call(principal, CASE, { id: caseId });
  expect(firstError(res)).toMatchObject({ code: "NOT_FOUND", message: CASE_NOT_FOUND, path: ["boernehusCase"] });
  expect(res.body.data?.boernehusCase ?? null).toBeNull();
}

/** A HOVEDSTADEN/0101 course with a held planning samråd (caseworker and investigator invited), an action item and a sent final note. */
async function fullCourse(overrides: Record<string, unknown> = {}) {
  const caseId = await s.register(overrides);
  const meeting = await s.planning(caseId);
  const held = await s.held(meeting.id);
  const item = await h.ok<{ id: string; version: number }>(caseworker, M.addItem, {
    input: { meetingId: held.id, title: "Indkald forældre", owningSector: "MUNICIPALITY", dueAt: "2026-03-10T12:00:00Z" },
  });
  const note = await s.draft(caseId);
  const recommendation = note.recommendations[0]?.id as string;
  return { caseId, meetingId: held.id, itemId: item.id, noteId: note.id, recommendationId: recommendation };
}

describe("participants", () => {
  it("a participant sees the case; a colleague of the same børnehus who takes no part in it does not, anywhere", async () => {
    const c = await fullCourse();

    // The registrant and the invited caseworker take part.
    expect(await h.ok(coordinator, CASE, { id: c.caseId })).toMatchObject({
      id: c.caseId,
      myAccess: { basis: "PARTICIPANT", expiresAt: null },
    });
    expect(await h.ok(caseworker, CASE, { id: c.caseId })).toMatchObject({ id: c.caseId, myAccess: { basis: "PARTICIPANT" } });
    expect(await h.ok(caseworker, MEETING, { id: c.meetingId })).toMatchObject({ id: c.meetingId, caseId: c.caseId });
    expect(await listed(caseworker)).toContain(c.caseId);
    const reps = [
      caseRep(c.caseId),
      { __typename: "SamraadMeeting", id: c.meetingId },
      { __typename: "ActionItem", id: c.itemId },
      { __typename: "FinalNote", id: c.noteId },
      { __typename: "Recommendation", id: c.recommendationId },
    ];
    expect((await entities(caseworker, reps)).map((e) => e?.id ?? null)).toEqual(reps.map((r) => r.id));

    // Same sector, same region, not a leader, not in the case: as if the case did not exist.
    await invisible(colleague, c.caseId);
    const meeting = await h.call(colleague, MEETING, { id: c.meetingId });
    expect(firstError(meeting)).toMatchObject({ code: "NOT_FOUND", path: ["samraadMeeting"] });
    expect(meeting.body.data?.samraadMeeting ?? null).toBeNull();
    expect(await entities(colleague, reps)).toEqual([null, null, null, null, null]);
    expect(await listed(colleague)).not.toContain(c.caseId);
    expect(await listed(colleague, { region: "HOVEDSTADEN", municipalityCode: "0101" })).toEqual([]);
  });

  it("a guessed id gets NOT_FOUND with the same message as a case the principal may not see", async () => {
    const caseId = await s.register();
    const meeting = await s.planning(caseId);
    const hidden = await h.call(colleague, CASE, { id: caseId });
    const guessed = await h.call(colleague, CASE, { id: randomUUID() });
    const malformed = await h.call(colleague, CASE, { id: "not-a-uuid" });
    expect(firstError(guessed)).toEqual(firstError(hidden));
    expect(firstError(malformed)).toEqual(firstError(hidden));
    expect(firstError(hidden)).toMatchObject({ code: "NOT_FOUND", message: CASE_NOT_FOUND });

    const hiddenMeeting = await h.call(colleague, MEETING, { id: meeting.id });
    const guessedMeeting = await h.call(colleague, MEETING, { id: randomUUID() });
    expect(firstError(guessedMeeting)).toEqual(firstError(hiddenMeeting));
    expect(firstError(hiddenMeeting)).toMatchObject({
      code: "NOT_FOUND",
      message: "The samråd meeting was not found, or you do not have access to it.",
    });
  });

  it("a caseworker of municipality 0147 never sees a 0101 case, in the same region", async () => {
    const c = await fullCourse();
    await invisible(caseworker0147, c.caseId);
    expect(await listed(caseworker0147)).not.toContain(c.caseId);
    expect(await entities(caseworker0147, [caseRep(c.caseId)])).toEqual([null]);
    const meeting = await h.call(caseworker0147, MEETING, { id: c.meetingId });
    expect(firstError(meeting)).toMatchObject({ code: "NOT_FOUND" });
  });

  it(`participation ends SAMRAAD_PARTICIPATION_GRACE_DAYS (default 30) after the course closed`, async () => {
    const caseId = await s.register();
    await s.planning(caseId);
    const closeAt = (days: number) =>
      h.db.boernehusCase.update({ where: { id: caseId }, data: { status: "CLOSED", closedAt: new Date(Date.now() - days * DAY) } });

    await closeAt(29);
    expect(await h.ok(caseworker, CASE, { id: caseId })).toMatchObject({ myAccess: { basis: "PARTICIPANT" } });
    expect(await listed(caseworker)).toContain(caseId);

    await closeAt(31);
    await invisible(caseworker, caseId);
    await invisible(coordinator, caseId);
    expect(await listed(caseworker)).not.toContain(caseId);
    expect(await entities(caseworker, [caseRep(caseId)])).toEqual([null]);
    // The organisation that owns the case keeps it.
    expect(await h.ok(leaderH, CASE, { id: caseId })).toMatchObject({ myAccess: { basis: "ORGANISATION" } });
    expect(await h.ok(leader0101, CASE, { id: caseId })).toMatchObject({ myAccess: { basis: "ORGANISATION" } });

    // The grace period is configuration (parsed at start-up, BoernehusConfig.access): with 60 days the participant keeps it.
    const configured = h.sg.config.access;
    h.sg.config.access = { ...configured, graceDays: 60 };
    try {
      expect(await h.ok(caseworker, CASE, { id: caseId })).toMatchObject({ myAccess: { basis: "PARTICIPANT" } });
      expect(await listed(caseworker)).toContain(caseId);
    } finally {
      h.sg.config.access = configured;
    }
    await invisible(caseworker, caseId);
  });
});

describe("organisation-wide roles", () => {
  it("a børnehus leader sees every case of their region, and none of another region", async () => {
    const hovedstaden = [await s.register(), await s.register({ municipalityCode: "0147" })];
    const syd = (
      await h.ok<{ id: string }>(coordinatorSyd, M.register, { input: courseInput({ region: "SYDDANMARK", municipalityCode: "0461" }) })
    ).id;

    for (const id of hovedstaden) {
      expect(await h.ok(leaderH, CASE, { id })).toMatchObject({ id, myAccess: { basis: "ORGANISATION", expiresAt: null } });
      await invisible(leaderSyd, id);
    }
    expect(await h.ok(leaderSyd, CASE, { id: syd })).toMatchObject({ id: syd, myAccess: { basis: "ORGANISATION" } });
    await invisible(leaderH, syd);

    const listH = await h.ok<Array<{ id: string; region: string }>>(leaderH, LIST, {});
    expect(listH.map((c) => c.id)).toEqual(expect.arrayContaining(hovedstaden));
    expect(listH.every((c) => c.region === "HOVEDSTADEN")).toBe(true);
    // Every HOVEDSTADEN case in the database, whoever takes part in it.
    expect(listH).toHaveLength(await h.db.boernehusCase.count({ where: { region: "HOVEDSTADEN" } }));
    expect(await listed(leaderSyd)).toEqual([syd]);
    expect(await listed(leaderH, { region: "SYDDANMARK" })).toEqual([]);
    expect(await entities(leaderSyd, [...hovedstaden, syd].map(caseRep))).toEqual([null, null, expect.objectContaining({ id: syd })]);
  });

  it("a municipality leader sees the cases of their municipality, and not another's", async () => {
    const a = await s.register({ municipalityCode: "0101" });
    const b = await s.register({ municipalityCode: "0147" });
    expect(await h.ok(leader0101, CASE, { id: a })).toMatchObject({ municipalityCode: "0101", myAccess: { basis: "ORGANISATION" } });
    await invisible(leader0101, b);
    expect(await h.ok(leader0147, CASE, { id: b })).toMatchObject({ municipalityCode: "0147", myAccess: { basis: "ORGANISATION" } });
    await invisible(leader0147, a);

    const list0101 = await h.ok<Array<{ id: string; municipalityCode: string }>>(leader0101, LIST, {});
    expect(list0101.map((c) => c.id)).toContain(a);
    expect(list0101.every((c) => c.municipalityCode === "0101")).toBe(true);
    expect(await listed(leader0147)).not.toContain(a);
    expect(await entities(leader0147, [caseRep(a), caseRep(b)])).toEqual([null, expect.objectContaining({ id: b })]);
    // A caseworker is not a leader: no organisation-wide access.
    await invisible(caseworker0147, b);
  });
});

describe("accessGrant (for the other subgraphs, through _entities)", () => {
  it("is a grant verifyCaseGrant accepts for that principal and that case only; null without access", async () => {
    const c = await fullCourse();
    const other = await s.register();
    const keys = await grantKeysFromEnv(process.env);

    const [mine] = await entities(caseworker, [caseRep(c.caseId)]);
    const grant = mine?.accessGrant;
    expect(typeof grant).toBe("string");
    expect(await verifyCaseGrant(grant, { caseId: c.caseId, principal: caseworker, keys })).toEqual({
      caseId: c.caseId,
      sub: caseworker.sub,
      basis: "PARTICIPANT",
      municipalityCode: "0101",
      region: "HOVEDSTADEN",
    });
    // Bound to the principal and the case.
    expect(await verifyCaseGrant(grant, { caseId: c.caseId, principal: investigator, keys })).toBeNull();
    expect(await verifyCaseGrant(grant, { caseId: other, principal: caseworker, keys })).toBeNull();

    // An organisation-wide role gets a grant on that basis.
    const [organisation] = await entities(leader0101, [caseRep(c.caseId)]);
    expect(await verifyCaseGrant(organisation?.accessGrant, { caseId: c.caseId, principal: leader0101, keys })).toMatchObject({
      basis: "ORGANISATION",
    });

    // A recommendation carries a grant for its case.
    const [, recommendation] = await entities(caseworker, [caseRep(c.caseId), { __typename: "Recommendation", id: c.recommendationId }]);
    expect(await verifyCaseGrant(recommendation?.accessGrant, { caseId: c.caseId, principal: caseworker, keys })).toMatchObject({
      basis: "PARTICIPANT",
    });

    // Without access: no entity, so no grant.
    expect(await entities(colleague, [caseRep(c.caseId), { __typename: "Recommendation", id: c.recommendationId }])).toEqual([null, null]);
    expect(await entities(physician, [caseRep(c.caseId)])).toEqual([null]);
  });
});

describe("break the glass", () => {
  const OPEN = `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id myAccess { basis expiresAt } } }`;
  const REVIEW = `mutation($input: ReviewEmergencyAccessInput!) { reviewEmergencyAccess(input: $input) {
    id caseId name sector organisation reason reviewedAt reviewedByName reviewOutcome reviewNote } }`;
  const FOR_REVIEW = `query { emergencyAccessesForReview { id caseId name reason reviewedAt } }`;
  const REASON = "Akut indlæggelse, barnet er bevidstløs";

  it("needs a reason of at least 20 characters; then opens the case for a limited time, for review by its owners", async () => {
    const c = await fullCourse();
    await invisible(onCall, c.caseId);

    // Too short a reason: refused, nothing written, still no access.
    for (const reason of ["", "   ", "Akut", "x".repeat(19)]) {
      const res = await h.call(onCall, OPEN, { input: { caseId: c.caseId, reason } });
      expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
      expect(res.body.data?.openCaseInEmergency ?? null).toBeNull();
    }
    expect(await h.db.emergencyAccess.count({ where: { caseId: c.caseId } })).toBe(0);
    await invisible(onCall, c.caseId);
    // A case that does not exist cannot be opened.
    expect(firstError(await h.call(onCall, OPEN, { input: { caseId: randomUUID(), reason: REASON } }))).toMatchObject({
      code: "NOT_FOUND",
      message: CASE_NOT_FOUND,
    });

    const before = Date.now();
    const opened = await h.ok<{ id: string; myAccess: { basis: string; expiresAt: string } }>(onCall, OPEN, {
      input: { caseId: c.caseId, reason: REASON },
    });
    expect(opened).toMatchObject({ id: c.caseId, myAccess: { basis: "EMERGENCY" } });
    const expiresAt = new Date(opened.myAccess.expiresAt).getTime();
    // Four hours by default (SAMRAAD_EMERGENCY_ACCESS_HOURS).
    expect(expiresAt).toBeGreaterThan(before + 4 * 3_600_000 - 5_000);
    expect(expiresAt).toBeLessThan(Date.now() + 4 * 3_600_000 + 5_000);

    expect(await h.ok(onCall, CASE, { id: c.caseId })).toMatchObject({
      myAccess: { basis: "EMERGENCY", expiresAt: opened.myAccess.expiresAt },
    });
    expect(await h.ok(onCall, MEETING, { id: c.meetingId })).toMatchObject({ id: c.meetingId });
    expect(await listed(onCall)).toEqual([c.caseId]);
    const [entity] = await entities(onCall, [caseRep(c.caseId)]);
    expect(
      await verifyCaseGrant(entity?.accessGrant, { caseId: c.caseId, principal: onCall, keys: await grantKeysFromEnv(process.env) }),
    ).toMatchObject({
      basis: "EMERGENCY",
    });

    // It shows for review to the leaders of the owning organisations, and to nobody else.
    const pending = (p: Principal) => h.ok<Array<{ id: string; caseId: string }>>(p, FOR_REVIEW);
    const [forH] = (await pending(leaderH)).filter((a) => a.caseId === c.caseId);
    expect(forH).toMatchObject({ caseId: c.caseId, name: onCall.name, reason: REASON, reviewedAt: null });
    expect((await pending(leader0101)).map((a) => a.id)).toContain(forH?.id);
    for (const p of [leaderSyd, leader0147, coordinator, caseworker, onCall])
      expect((await pending(p)).map((a) => a.id)).not.toContain(forH?.id);
    // On the case itself: for the owning organisation's leaders, not for every participant.
    const ACCESSES = `query($id: ID!) { boernehusCase(id: $id) { emergencyAccesses { id name sector organisation reason } } }`;
    expect(await h.ok(leaderH, ACCESSES, { id: c.caseId })).toEqual({
      emergencyAccesses: [{ id: forH?.id, name: onCall.name, sector: "HEALTH", organisation: "REGION_H", reason: REASON }],
    });
    expect(await h.ok(coordinator, ACCESSES, { id: c.caseId })).toEqual({ emergencyAccesses: [] });

    // Reviewed once, by a leader of the owning organisation.
    const id = forH?.id as string;
    for (const p of [leaderSyd, leader0147, coordinator, onCall]) {
      const res = await h.call(p, REVIEW, { input: { id, outcome: "UNJUSTIFIED" } });
      // To anyone but a leader of the owning organisation the opening does not exist (issue 19).
      expect(firstError(res)).toMatchObject({ code: "NOT_FOUND", path: ["reviewEmergencyAccess"] });
    }
    expect(await h.db.emergencyAccess.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewedAt: null, reviewOutcome: null });
    const reviewed = await h.ok(leaderH, REVIEW, { input: { id, outcome: "JUSTIFIED", note: " Bekræftet af vagthavende " } });
    expect(reviewed).toMatchObject({
      id,
      caseId: c.caseId,
      sector: "HEALTH",
      reviewedByName: leaderH.name,
      reviewOutcome: "JUSTIFIED",
      reviewNote: "Bekræftet af vagthavende",
    });
    const again = await h.call(leader0101, REVIEW, { input: { id, outcome: "UNJUSTIFIED" } });
    expect(firstError(again)).toMatchObject({ code: "CONFLICT" });
    expect(await h.db.emergencyAccess.findUniqueOrThrow({ where: { id } })).toMatchObject({
      reviewOutcome: "JUSTIFIED",
      reviewedByName: leaderH.name,
    });
    expect((await pending(leaderH)).map((a) => a.id)).not.toContain(id);
    expect(firstError(await h.call(leaderH, REVIEW, { input: { id: randomUUID(), outcome: "JUSTIFIED" } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    // A malformed id is bad input naming the field (issue 19.6).
    expect(firstError(await h.call(leaderH, REVIEW, { input: { id: "not-a-uuid", outcome: "JUSTIFIED" } }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "id",
    });

    // It expires: then the case is gone again.
    await h.db.emergencyAccess.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await invisible(onCall, c.caseId);
    expect(await listed(onCall)).toEqual([]);
    expect(await entities(onCall, [caseRep(c.caseId)])).toEqual([null]);
    expect(firstError(await h.call(onCall, MEETING, { id: c.meetingId }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("writes", () => {
  it("a børnehus coordinator of another region who takes no part is refused every write, and nothing is written", async () => {
    const c = await fullCourse();
    const count = async () => ({
      participants: await h.db.caseParticipant.count({ where: { caseId: c.caseId } }),
      meetings: await h.db.samraadMeeting.count({ where: { caseId: c.caseId } }),
      items: await h.db.actionItem.count({ where: { caseId: c.caseId } }),
      sessions: await h.db.crisisSupportSession.count({ where: { caseId: c.caseId } }),
      consultations: await h.db.consultation.count({ where: { caseId: c.caseId } }),
      note: await h.db.finalNote.findUniqueOrThrow({ where: { id: c.noteId } }),
      item: await h.db.actionItem.findUniqueOrThrow({ where: { id: c.itemId } }),
      course: await h.db.boernehusCase.findUniqueOrThrow({ where: { id: c.caseId } }),
    });
    const before = await count();

    // Registering in another region's børnehus.
    const register = await h.call(coordinatorSyd, M.register, { input: courseInput() });
    expect(firstError(register)).toMatchObject({ code: "FORBIDDEN", path: ["registerCourse"] });

    // Each write answers as for an id that does not exist (same code, same message).
    const writes: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      [
        M.addParticipant,
        { caseId: c.caseId, ...asParticipant(coordinatorSyd) },
        { caseId: randomUUID(), ...asParticipant(coordinatorSyd) },
      ],
      [
        M.plan,
        {
          caseId: c.caseId,
          kind: "FOLLOW_UP",
          scheduledAt: "2026-03-20T10:00:00Z",
          agenda: "Opfølgning",
          participants: [asParticipant(coordinatorSyd)],
        },
        {
          caseId: randomUUID(),
          kind: "FOLLOW_UP",
          scheduledAt: "2026-03-20T10:00:00Z",
          agenda: "Opfølgning",
          participants: [asParticipant(coordinatorSyd)],
        },
      ],
      [M.cancel, { meetingId: c.meetingId, reason: "Nej", version: 2 }, { meetingId: randomUUID(), reason: "Nej", version: 2 }],
      [
        M.addItem,
        { meetingId: c.meetingId, title: "t", owningSector: "BOERNEHUS", dueAt: "2026-03-10T00:00:00Z" },
        { meetingId: randomUUID(), title: "t", owningSector: "BOERNEHUS", dueAt: "2026-03-10T00:00:00Z" },
      ],
      [M.itemStatus, { id: c.itemId, status: "DONE", version: 1 }, { id: randomUUID(), status: "DONE", version: 1 }],
      [
        M.crisis,
        { caseId: c.caseId, recipient: "CHILD", heldAt: "2026-03-06T10:00:00Z", counsellorName: "Test", notes: "n" },
        { caseId: randomUUID(), recipient: "CHILD", heldAt: "2026-03-06T10:00:00Z", counsellorName: "Test", notes: "n" },
      ],
      [
        M.consultation,
        { caseId: c.caseId, heldAt: "2026-03-06T10:00:00Z", withSector: "POLICE", summary: "s" },
        { caseId: randomUUID(), heldAt: "2026-03-06T10:00:00Z", withSector: "POLICE", summary: "s" },
      ],
      [
        M.revise,
        { id: c.noteId, version: 1, text: "x", recommendations: [] },
        { id: randomUUID(), version: 1, text: "x", recommendations: [] },
      ],
      [M.sign, { id: c.noteId, version: 1 }, { id: randomUUID(), version: 1 }],
      [M.close, { caseId: c.caseId, closedAt: new Date().toISOString() }, { caseId: randomUUID(), closedAt: new Date().toISOString() }],
    ];
    for (const [mutation, input, unknownInput] of writes) {
      const res = await h.call(coordinatorSyd, mutation, { input });
      const unknown = await h.call(coordinatorSyd, mutation, { input: unknownInput });
      expect(firstError(res)).toMatchObject({ code: "NOT_FOUND" });
      expect(firstError(res).message).toBe(firstError(unknown).message);
    }
    // Nor does the leader of that other region write here.
    expect(firstError(await h.call(leaderSyd, M.sign, { input: { id: c.noteId, version: 1 } }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await count()).toEqual(before);

    // Another region's børnehus may not break the glass here (issue 19): NOT_FOUND, as for no case.
    const OPEN_EMERGENCY = `mutation($input: OpenCaseInEmergencyInput!) { openCaseInEmergency(input: $input) { id } }`;
    const otherRegion = await h.call(coordinatorSyd, OPEN_EMERGENCY, {
      input: { caseId: c.caseId, reason: "Barnet er flyttet akut til vores region" },
    });
    expect(firstError(otherRegion)).toMatchObject({ code: "NOT_FOUND", message: CASE_NOT_FOUND });
    // Health care of the case's region may; having broken the glass, it reads the case, but still may not change it.
    await h.ok(onCall, OPEN_EMERGENCY, { input: { caseId: c.caseId, reason: "Barnet er indlagt akut på Rigshospitalet" } });
    expect(await h.ok(onCall, CASE, { id: c.caseId })).toMatchObject({ myAccess: { basis: "EMERGENCY" } });
    const sign = await h.call(onCall, M.sign, { input: { id: c.noteId, version: 1 } });
    expect(firstError(sign)).toMatchObject({ code: "FORBIDDEN", path: ["signFinalNote"] });
    const add = await h.call(onCall, M.addParticipant, { input: { caseId: c.caseId, ...asParticipant(onCall) } });
    expect(firstError(add)).toMatchObject({ code: "FORBIDDEN", path: ["addCaseParticipant"] });
    expect(await count()).toEqual(before);

    // A colleague of the same børnehus who takes no part is not let in either.
    expect(firstError(await h.call(colleague, M.sign, { input: { id: c.noteId, version: 1 } }))).toMatchObject({ code: "NOT_FOUND" });
    // A participant of another sector is refused an action item another sector owns; a non-participant is not told it exists.
    const other = await h.call(physician, M.itemStatus, { input: { id: c.itemId, status: "DONE", version: 1 } });
    expect(firstError(other)).toMatchObject({
      code: "NOT_FOUND",
      message: "The action item was not found, or you do not have access to it.",
    });
    await h.ok(coordinator, M.addParticipant, { input: { caseId: c.caseId, ...asParticipant(physician) } });
    const forbidden = await h.call(physician, M.itemStatus, { input: { id: c.itemId, status: "DONE", version: 1 } });
    expect(firstError(forbidden)).toMatchObject({ code: "FORBIDDEN" });
  });
});

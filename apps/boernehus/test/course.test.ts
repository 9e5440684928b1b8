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
  startBoernehus,
} from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startBoernehus();
});
afterAll(async () => h?.stop());

type Item = { id: string; status: string; version: number; completedAt: string | null };

describe("a whole børnehus course through the mutations", () => {
  it("runs from referral to closing, with every sector doing its part", async () => {
    // Referral received: the course is registered with the case id from the municipality's referral.
    const input = courseInput({ abuseTypes: ["SEXUAL", "PHYSICAL", "SEXUAL"], municipalityCode: " 0101 " });
    const course = await h.ok<{ id: string; status: string; abuseTypes: string[]; municipalityCode: string }>(coordinator, M.register, {
      input,
    });
    expect(course).toMatchObject({ id: input.caseId, status: "REFERRED", abuseTypes: ["SEXUAL", "PHYSICAL"], municipalityCode: "0101" });
    const caseId = course.id;

    const psychologist = { sub: "persona:test-psychologist", name: "Test Psykolog", sector: "BOERNEHUS", organisation: "HOVEDSTADEN" };
    await h.ok(coordinator, M.addParticipant, { input: { caseId, ...psychologist, role: "psychologist" } });

    // The planning samråd: the course becomes ACTIVE; invited people with a sub become case participants.
    const planning = await h.ok<{ id: string; status: string; location: string | null; version: number; participants: unknown[] }>(
      coordinator,
      M.plan,
      {
        input: {
          caseId,
          kind: "PLANNING",
          scheduledAt: "2026-03-05T10:00:00.000Z",
          agenda: "Videoafhøring, lægeundersøgelse, krisestøtte",
          location: "Mødelokale 2",
          participants: [
            asParticipant(caseworker),
            asParticipant(coordinator),
            asParticipant(investigator),
            { name: "Test Sygeplejerske", sector: "HEALTH", organisation: "REGION_H", role: "physician" },
          ],
        },
      },
    );
    expect(planning).toMatchObject({ status: "PLANNED", location: "Mødelokale 2", version: 1 });
    expect(planning.participants).toHaveLength(4);

    // A follow-up cannot be planned before the planning samråd is held.
    const early = await h.call(coordinator, M.plan, {
      input: {
        caseId,
        kind: "FOLLOW_UP",
        scheduledAt: "2026-04-10T10:00:00.000Z",
        agenda: "Opfølgning",
        participants: [asParticipant(coordinator)],
      },
    });
    expect(firstError(early).code).toBe("INVALID_STATE_TRANSITION");

    const held = await h.ok<{ status: string; version: number; decisions: unknown[] }>(coordinator, M.held, {
      input: {
        meetingId: planning.id,
        heldAt: "2026-03-05T11:30:00.000Z",
        minutes: "Sektorerne aftalte indsatserne (syntetisk referat).",
        decisions: [
          { activity: "VIDEO_INTERVIEW", decision: "Videoafhøring i børnehuset", responsibleSector: "POLICE" },
          { activity: "MEDICAL_EXAMINATION", decision: "Retsmedicinsk undersøgelse", responsibleSector: "HEALTH" },
          { activity: "CRISIS_SUPPORT", decision: "Krisesamtaler med barnet", responsibleSector: "BOERNEHUS" },
        ],
        version: 1,
      },
    });
    expect(held).toMatchObject({ status: "HELD", version: 2 });
    expect(held.decisions).toEqual([
      { activity: "VIDEO_INTERVIEW", decision: "Videoafhøring i børnehuset", responsibleSector: "POLICE" },
      { activity: "MEDICAL_EXAMINATION", decision: "Retsmedicinsk undersøgelse", responsibleSector: "HEALTH" },
      { activity: "CRISIS_SUPPORT", decision: "Krisesamtaler med barnet", responsibleSector: "BOERNEHUS" },
    ]);

    const followUp = await h.ok<{ kind: string }>(coordinator, M.plan, {
      input: {
        caseId,
        kind: "FOLLOW_UP",
        scheduledAt: "2026-04-10T10:00:00.000Z",
        agenda: "Opfølgning",
        participants: [asParticipant(coordinator)],
      },
    });
    expect(followUp.kind).toBe("FOLLOW_UP");

    // Action items: any participant may add one; only the owning sector (or the børnehus) may move it.
    const policeItem = await h.ok<Item>(caseworker, M.addItem, {
      input: { meetingId: planning.id, title: "Book videoafhøring", owningSector: "POLICE", dueAt: "2026-03-12T12:00:00.000Z" },
    });
    const municipalityItem = await h.ok<Item>(investigator, M.addItem, {
      input: {
        meetingId: planning.id,
        title: "Orientér forældremyndighedsindehavere",
        owningSector: "MUNICIPALITY",
        dueAt: "2026-03-08T12:00:00.000Z",
      },
    });
    expect(policeItem).toMatchObject({ status: "OPEN", version: 1, caseId });

    const started = await h.ok<Item>(investigator, M.itemStatus, { input: { id: policeItem.id, status: "IN_PROGRESS", version: 1 } });
    expect(started).toMatchObject({ status: "IN_PROGRESS", version: 2, completedAt: null });

    // Not (yet) in the case, the physician is not even told the item exists; once in it, the sector rule refuses.
    const hidden = await h.call(physician, M.itemStatus, { input: { id: policeItem.id, status: "DONE", version: 2 } });
    expect(firstError(hidden)).toMatchObject({ code: "NOT_FOUND", path: ["updateActionItemStatus"] });
    await h.ok(coordinator, M.addParticipant, { input: { caseId, ...asParticipant(physician) } });
    const refused = await h.call(physician, M.itemStatus, { input: { id: policeItem.id, status: "DONE", version: 2 } });
    expect(firstError(refused)).toMatchObject({ code: "FORBIDDEN", path: ["updateActionItemStatus"] });
    expect(firstError(refused).message).toMatch(/Only the police .* or the børnehus may change its status; you act for health care/);
    expect(await h.db.actionItem.findUniqueOrThrow({ where: { id: policeItem.id } })).toMatchObject({ status: "IN_PROGRESS", version: 2 });

    const done = await h.ok<Item>(investigator, M.itemStatus, { input: { id: policeItem.id, status: "DONE", version: 2 } });
    expect(done).toMatchObject({ status: "DONE", version: 3 });
    expect(done.completedAt).not.toBeNull();

    // The børnehus coordinates the course and may move any sector's item.
    const byBoernehus = await h.ok<Item>(coordinator, M.itemStatus, { input: { id: municipalityItem.id, status: "DONE", version: 1 } });
    expect(byBoernehus.status).toBe("DONE");

    // Crisis support, the assessment and a consultation.
    await h.ok(coordinator, M.crisis, {
      input: { caseId, recipient: "CHILD", heldAt: "2026-03-10T13:00:00.000Z", counsellorName: "Test Psykolog", notes: "Syntetiske noter" },
    });
    await h.ok(coordinator, M.crisis, {
      input: {
        caseId,
        recipient: "CAREGIVER",
        heldAt: "2026-03-11T13:00:00.000Z",
        counsellorName: "Test Psykolog",
        notes: "Syntetiske noter",
      },
    });
    expect(await h.ok(coordinator, M.startAssessment, { input: { caseId, startedAt: "2026-03-08T09:00:00.000Z" } })).toMatchObject({
      status: "IN_PROGRESS",
    });
    expect(
      await h.ok(coordinator, M.completeAssessment, {
        input: { caseId, completedAt: "2026-04-01T09:00:00.000Z", summary: "Udredningen viser behov for terapi (syntetisk)." },
      }),
    ).toMatchObject({ status: "COMPLETED", completedAt: "2026-04-01T09:00:00.000Z" });
    await h.ok(coordinator, M.consultation, {
      input: { caseId, heldAt: "2026-03-03T09:00:00.000Z", withSector: "BOERNEHUS", summary: "Sparring om henvisningen" },
    });

    // The final note: draft, revise, sign, send.
    type Note = {
      id: string;
      status: string;
      text: string | null;
      version: number;
      recommendations: Array<{ id: string; kind: string; description: string }>;
    };
    const draft = await h.ok<Note>(coordinator, M.draft, {
      input: {
        caseId,
        text: "Første udkast (syntetisk)",
        recommendations: [
          { kind: "THERAPY", description: "Traumebehandling" },
          { kind: "PLACEMENT", description: "Overvej anbringelse" },
        ],
      },
    });
    expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
    const [therapy] = draft.recommendations;

    // Outside the børnehus the text of a draft is not shown, even to the municipality.
    const readNote = `query($id: ID!) { boernehusCase(id: $id) { finalNote { status text } } }`;
    expect(await h.ok(caseworker, readNote, { id: caseId })).toEqual({ finalNote: { status: "DRAFT", text: null } });

    const revised = await h.ok<Note>(coordinator, M.revise, {
      input: {
        id: draft.id,
        version: 1,
        text: "Revideret udkast (syntetisk)",
        recommendations: [
          { kind: "FAMILY_TREATMENT", description: "Familiebehandling i hjemmet" },
          { id: therapy?.id, kind: "THERAPY", description: "Traumebehandling hos psykolog" },
        ],
      },
    });
    expect(revised).toMatchObject({ status: "DRAFT", version: 2, text: "Revideret udkast (syntetisk)" });
    expect(revised.recommendations.map((r) => r.kind)).toEqual(["FAMILY_TREATMENT", "THERAPY"]);
    expect(revised.recommendations[1]).toEqual({ id: therapy?.id, kind: "THERAPY", description: "Traumebehandling hos psykolog" });

    const signed = await h.ok<{ status: string; signedByName: string; version: number }>(coordinator, M.sign, {
      input: { id: draft.id, version: 2 },
    });
    expect(signed).toMatchObject({ status: "SIGNED", signedByName: coordinator.name, version: 3 });

    const reviseSigned = await h.call(coordinator, M.revise, { input: { id: draft.id, version: 3, text: "Ændret", recommendations: [] } });
    expect(firstError(reviseSigned).code).toBe("INVALID_STATE_TRANSITION");
    expect(firstError(reviseSigned).message).toMatch(/locked/);

    const sent = await h.ok<{ status: string; sentAt: string; version: number }>(coordinator, M.send, {
      input: { id: draft.id, version: 3 },
    });
    expect(sent).toMatchObject({ status: "SENT", version: 4 });
    expect((await h.db.boernehusCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("FINAL_NOTE");

    const reviseSent = await h.call(coordinator, M.revise, { input: { id: draft.id, version: 4, text: "Ændret", recommendations: [] } });
    expect(firstError(reviseSent)).toMatchObject({ code: "INVALID_STATE_TRANSITION" });
    expect(firstError(reviseSent).message).toMatch(/a sent final note is locked/);
    expect((await h.db.finalNote.findUniqueOrThrow({ where: { id: draft.id } })).text).toBe("Revideret udkast (syntetisk)");
    expect(await h.db.recommendation.count({ where: { finalNoteId: draft.id } })).toBe(2);

    // Sent: now the municipality reads the text (its need-to-know grant).
    expect(await h.ok(caseworker, readNote, { id: caseId })).toEqual({
      finalNote: { status: "SENT", text: "Revideret udkast (syntetisk)" },
    });

    const closed = await h.ok<{ status: string }>(coordinator, M.close, { input: { caseId, closedAt: new Date().toISOString() } });
    expect(closed.status).toBe("CLOSED");

    // A closed course is read-only.
    const late = await h.call(coordinator, M.crisis, {
      input: { caseId, recipient: "CHILD", heldAt: "2026-04-20T13:00:00.000Z", counsellorName: "Test Psykolog", notes: "For sent" },
    });
    expect(firstError(late).code).toBe("INVALID_STATE_TRANSITION");

    // The whole, shared picture, as any samråd participant sees it.
    const picture = await h.ok<Record<string, unknown>>(
      investigator,
      `query($id: ID!) { boernehusCase(id: $id) {
        status type region burdenLevel childAgeAtReferral referralReceivedAt closedAt
        participants { sub sector role }
        samraadMeetings { kind status actionItems { title status } participants { name } }
        actionItems { title owningSector status }
        crisisSupportSessions { recipient heldAt }
        assessment { status startedAt completedAt }
        finalNote { status signedByName sentAt recommendations { kind } }
        consultations { withSector heldAt }
      } }`,
      { id: caseId },
    );
    expect(picture).toMatchObject({
      status: "CLOSED",
      type: "FULL_COURSE",
      region: "HOVEDSTADEN",
      burdenLevel: "HIGH",
      childAgeAtReferral: 9,
      referralReceivedAt: "2026-03-01T09:00:00.000Z",
      samraadMeetings: [
        {
          kind: "PLANNING",
          status: "HELD",
          actionItems: [{ title: "Orientér forældremyndighedsindehavere" }, { title: "Book videoafhøring" }],
        },
        { kind: "FOLLOW_UP", status: "PLANNED", actionItems: [] },
      ],
      actionItems: [
        { owningSector: "MUNICIPALITY", status: "DONE" },
        { owningSector: "POLICE", status: "DONE" },
      ],
      crisisSupportSessions: [{ recipient: "CHILD" }, { recipient: "CAREGIVER" }],
      assessment: { status: "COMPLETED" },
      finalNote: { status: "SENT", signedByName: coordinator.name, recommendations: [{ kind: "FAMILY_TREATMENT" }, { kind: "THERAPY" }] },
      consultations: [{ withSector: "BOERNEHUS" }],
    });
    const participants = picture.participants as Array<{ sub: string; sector: string; role: string }>;
    expect(participants.map((p) => p.sub).sort()).toEqual(
      [caseworker.sub, coordinator.sub, investigator.sub, physician.sub, "persona:test-psychologist"].sort(),
    );
  });
});

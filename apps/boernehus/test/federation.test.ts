import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/data/client.ts";
import { createLoaders } from "../src/data/loaders.ts";
import { seedBoernehus } from "../src/data/seed.ts";
import { MAX_CASES_PAGE, pageSize } from "../src/domain/course.ts";
import { syntheticCourse, withParticipants } from "./fixtures.ts";
import {
  analyst,
  asParticipant,
  caseworker,
  coordinator,
  firstError,
  type Harness,
  investigator,
  leaderOf,
  M,
  physician,
  startBoernehus,
  steps,
} from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startBoernehus();
});
afterAll(async () => h?.stop());

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase {
  id status region municipalityCode
  participants { sub }
  samraadMeetings { kind decisions { activity } actionItems { status } }
  finalNote { status recommendations { kind } }
  assessment { status }
} } }`;

describe("seeding", () => {
  it("writes every part of synthetic courses, readable through the API", async () => {
    const a = syntheticCourse();
    const b = syntheticCourse({ status: "CLOSED", closedAt: "2026-03-01T10:00:00.000Z" });
    await seedBoernehus(h.db, [a, b]);
    // b closed long ago, so its participants no longer see it: the leader of the børnehus that ran it does.
    const course = await h.ok<Record<string, unknown>>(
      leaderOf("BOERNEHUS", "SYDDANMARK"),
      `query($id: ID!) { boernehusCase(id: $id) {
        id status region municipalityCode type burdenLevel childAgeAtReferral closedAt
        participants { sub sector role addedAt }
        samraadMeetings { kind status participants { name sector } decisions { activity responsibleSector } actionItems { title status completedAt } }
        actionItems { title }
        crisisSupportSessions { recipient counsellorName }
        assessment { status summary }
        finalNote { status text signedByName sentAt recommendations { id kind } }
        consultations { withSector summary }
      } }`,
      { id: b.caseId },
    );
    expect(course).toMatchObject({
      id: b.caseId,
      status: "CLOSED",
      region: "SYDDANMARK",
      municipalityCode: "0461",
      closedAt: "2026-03-01T10:00:00.000Z",
      // Added together at the planning samråd; then by name.
      participants: [
        { sector: "BOERNEHUS", role: "coordinator", addedAt: "2026-01-20T10:00:00.000Z" },
        { sector: "MUNICIPALITY", role: "caseworker", addedAt: "2026-01-20T10:00:00.000Z" },
      ],
      samraadMeetings: [
        {
          kind: "PLANNING",
          status: "HELD",
          participants: [{ sector: "MUNICIPALITY" }, { sector: "BOERNEHUS" }],
          decisions: [{ activity: "CRISIS_SUPPORT", responsibleSector: "BOERNEHUS" }],
          actionItems: [{ title: "Kontakt familien", status: "DONE", completedAt: "2026-01-25T10:00:00.000Z" }],
        },
      ],
      actionItems: [{ title: "Kontakt familien" }],
      crisisSupportSessions: [{ recipient: "CHILD", counsellorName: "Syntetisk Psykolog" }],
      assessment: { status: "COMPLETED", summary: "Syntetisk udredning" },
      finalNote: {
        status: "SENT",
        text: "Syntetisk afsluttende notat",
        signedByName: "Syntetisk Koordinator",
        recommendations: b.finalNote?.recommendations.map((r) => ({ id: r.id, kind: r.kind })),
      },
      consultations: [{ withSector: "BOERNEHUS", summary: "Syntetisk sparring" }],
    });
  });
});

describe("federation", () => {
  it("resolves the børnehus part of many cases through _entities, in order, null for unknown ids", async () => {
    // The investigator takes part in every one of these cases (row level), so all of them resolve.
    const seeded = Array.from({ length: 20 }, () => withParticipants(syntheticCourse(), investigator));
    await seedBoernehus(h.db, seeded);
    const registered = await steps(h).register();
    await h.ok(coordinator, M.addParticipant, { input: { caseId: registered, ...asParticipant(investigator) } });
    const ids = [...seeded.map((c) => c.caseId), registered, randomUUID(), "not-a-uuid"];
    const res = await h.call(investigator, ENTITIES, { reps: ids.map((id) => ({ __typename: "BoernehusCase", id })) });
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data?._entities as Array<Record<string, unknown> | null>;
    expect(entities.map((e) => e?.id ?? null)).toEqual([...ids.slice(0, 21), null, null]);
    expect(entities[0]).toMatchObject({
      status: "FINAL_NOTE",
      samraadMeetings: [{ kind: "PLANNING", decisions: [{ activity: "CRISIS_SUPPORT" }], actionItems: [{ status: "DONE" }] }],
      finalNote: { status: "SENT", recommendations: [{ kind: "THERAPY" }, { kind: "PREVENTIVE_MEASURE" }] },
      assessment: { status: "COMPLETED" },
    });
    // A course just registered: only the registrant and the investigator added since take part; nothing else yet.
    expect(entities[20]).toMatchObject({
      status: "REFERRED",
      participants: [{ sub: coordinator.sub }, { sub: investigator.sub }],
      samraadMeetings: [],
      finalNote: null,
      assessment: null,
    });
  });

  it("batches: N cases cost one query per list, not N", async () => {
    const seeded = Array.from({ length: 10 }, () => syntheticCourse());
    await seedBoernehus(h.db, seeded);
    const calls: string[] = [];
    // Counts the keyed reads per table on the real client.
    const counting = new Proxy(h.db, {
      get(target, property: string) {
        const value = Reflect.get(target, property);
        if (property !== "keyed") return value;
        return {
          rows: (table: Parameters<Db["keyed"]["rows"]>[0], read: Parameters<Db["keyed"]["rows"]>[1]) => {
            calls.push(table);
            return target.keyed.rows(table, read);
          },
        };
      },
    });
    const loaders = createLoaders(counting);
    const ids = seeded.map((c) => c.caseId);
    const cases = await Promise.all(ids.map((id) => loaders.caseById.load(id)));
    const meetings = await Promise.all(ids.map((id) => loaders.meetingsByCaseId.load(id)));
    await Promise.all(meetings.flat().map((m) => loaders.actionItemsByMeetingId.load(m.id)));
    expect(cases.map((c) => c?.id)).toEqual(ids);
    expect(calls).toEqual(["BoernehusCase", "SamraadMeeting", "ActionItem"]);
  });
});

describe("listing cases", () => {
  it("filters by status, region and municipality, newest referral first", async () => {
    const older = syntheticCourse({ region: "NORDJYLLAND", municipalityCode: "0851", referralReceivedAt: "2025-05-01T00:00:00.000Z" });
    const newer = syntheticCourse({ region: "NORDJYLLAND", municipalityCode: "0851", referralReceivedAt: "2025-06-01T00:00:00.000Z" });
    const other = syntheticCourse({ region: "NORDJYLLAND", municipalityCode: "0860", status: "ACTIVE" });
    await seedBoernehus(h.db, [older, newer, other]);
    const list = `query($filter: CaseFilter, $first: Int) { boernehusCases(filter: $filter, first: $first) { id } }`;
    // The leader of the børnehus Nordjylland sees every case of the region (and only those).
    const nord = leaderOf("BOERNEHUS", "NORDJYLLAND");
    const ids = async (variables: Record<string, unknown>) => (await h.ok<Array<{ id: string }>>(nord, list, variables)).map((c) => c.id);
    expect(await ids({ filter: { region: "NORDJYLLAND", municipalityCode: "0851" } })).toEqual([newer.caseId, older.caseId]);
    expect(await ids({ filter: { region: "NORDJYLLAND", status: "ACTIVE" } })).toEqual([other.caseId]);
    expect(await ids({ filter: { municipalityCode: "0851" }, first: 1 })).toEqual([newer.caseId]);
    const zero = await h.call(nord, list, { first: 0 });
    expect(firstError(zero)).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(pageSize(10_000)).toBe(MAX_CASES_PAGE);
    expect(pageSize(undefined)).toBe(50);
  });
});

describe("defence in depth", () => {
  it("re-checks field rules: sector-internal fields are refused to other sectors, at their path", async () => {
    // Both take part in the case: row level lets them in, the field rules still hold.
    const course = withParticipants(syntheticCourse(), caseworker, investigator);
    await seedBoernehus(h.db, [course]);
    const res = await h.call(
      caseworker,
      `query($id: ID!) { boernehusCase(id: $id) { status crisisSupportSessions { recipient notes } } }`,
      { id: course.caseId },
    );
    expect(firstError(res)).toMatchObject({ code: "FORBIDDEN", path: ["boernehusCase", "crisisSupportSessions", 0, "notes"] });
    // The rest of the answer stands.
    expect(res.body.data?.boernehusCase).toMatchObject({
      status: "FINAL_NOTE",
      crisisSupportSessions: [{ recipient: "CHILD", notes: null }],
    });

    const summary = await h.call(investigator, `query($id: ID!) { boernehusCase(id: $id) { assessment { status summary } } }`, {
      id: course.caseId,
    });
    expect(firstError(summary)).toMatchObject({ code: "FORBIDDEN", path: ["boernehusCase", "assessment", "summary"] });
  });

  it("the final note's text is a grant: health is refused it, the municipality may read it", async () => {
    const course = withParticipants(syntheticCourse(), physician, caseworker);
    await seedBoernehus(h.db, [course]);
    const query = `query($id: ID!) { boernehusCase(id: $id) { finalNote { status text } } }`;
    const health = await h.call(physician, query, { id: course.caseId });
    expect(firstError(health)).toMatchObject({ code: "FORBIDDEN", path: ["boernehusCase", "finalNote", "text"] });
    expect(await h.ok(caseworker, query, { id: course.caseId })).toEqual({
      finalNote: { status: "SENT", text: "Syntetisk afsluttende notat" },
    });
  });

  it("an analyst sees no case data at all", async () => {
    const res = await h.call(analyst, `query { boernehusCases { id } }`);
    expect(firstError(res)).toMatchObject({ code: "FORBIDDEN", path: ["boernehusCases"] });
  });

  it("refuses a request the gateway did not sign", async () => {
    const res = await fetch(h.sg.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(401);
  });
});

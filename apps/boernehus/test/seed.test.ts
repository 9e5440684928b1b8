import { BOERNEHUS_REGIONS } from "@samraad/access";
import { generateCourses, type SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBoernehus } from "../src/data/seed.ts";
import { type Harness, leaderOf, startBoernehus } from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startBoernehus();
});
afterAll(async () => h?.stop());

const BATCH = 50;

describe("seeding a generated synthetic world", () => {
  it("writes every course's børnehus part, batch by batch, and the API reads all of it", async () => {
    // Spread over 1.5 years so the world has courses in every state.
    const courses = [...generateCourses({ seed: 7, courses: 150, coursesPerYear: 100 })];
    for (let i = 0; i < courses.length; i += BATCH) await seedBoernehus(h.db, courses.slice(i, i + BATCH));

    const sum = (f: (c: SyntheticCourse) => number) => courses.reduce((n, c) => n + f(c), 0);
    expect(await h.db.boernehusCase.count()).toBe(courses.length);
    expect(await h.db.samraadMeeting.count()).toBe(sum((c) => c.meetings.length));
    expect(await h.db.actionItem.count()).toBe(sum((c) => c.meetings.reduce((n, m) => n + m.actionItems.length, 0)));
    expect(await h.db.crisisSupportSession.count()).toBe(sum((c) => c.crisisSupport.length));
    expect(await h.db.assessment.count()).toBe(sum((c) => (c.assessment ? 1 : 0)));
    expect(await h.db.finalNote.count()).toBe(sum((c) => (c.finalNote ? 1 : 0)));
    expect(await h.db.recommendation.count()).toBe(sum((c) => c.finalNote?.recommendations.length ?? 0));
    expect(await h.db.consultation.count()).toBe(sum((c) => c.consultations.length));
    expect(new Set(courses.map((c) => c.course.status)).size).toBeGreaterThan(2);

    // Row level: the leader of each børnehus sees exactly the courses of its region (null for the others),
    // so together the five leaders read every course.
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase {
        id status participants { sub } samraadMeetings { status participants { name } decisions { activity } actionItems { status } }
        crisisSupportSessions { recipient } assessment { status } finalNote { status signedByName recommendations { kind } } consultations { withSector }
      } } }`;
    const reps = courses.map((c) => ({ __typename: "BoernehusCase", id: c.caseId }));
    type Entity = { id: string; status: string; finalNote: { status: string; signedByName: string | null } | null };
    const entities: Array<Entity | null> = courses.map(() => null);
    for (const region of BOERNEHUS_REGIONS) {
      const res = await h.call(leaderOf("BOERNEHUS", region), query, { reps });
      expect(res.body.errors).toBeUndefined();
      const seen = res.body.data?._entities as Array<Entity | null>;
      expect(seen.map((e) => e !== null)).toEqual(courses.map((c) => c.region === region));
      for (const [i, e] of seen.entries()) if (e) entities[i] = e;
    }
    expect(entities.map((e) => [e?.id, e?.status])).toEqual(courses.map((c) => [c.caseId, c.course.status]));
    for (const [i, e] of entities.entries()) {
      const note = courses[i]?.finalNote;
      if (note?.signedBy) expect(e?.finalNote?.signedByName).toBeTruthy();
    }
  });
});

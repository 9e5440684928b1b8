import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

// Moving a planned samråd (issue 20: the coordinator cancels or moves a meeting). The børnehus
// moves it; every participant then sees the new time. Who still cannot: the other sectors, even
// as participants, and nobody moves a held meeting, a stale version, or a follow-up before the
// planning samråd it follows.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

const PLAN = /* GraphQL */ `
  mutation ($input: PlanSamraadMeetingInput!) { planSamraadMeeting(input: $input) { id scheduledAt version } }
`;
const MOVE = /* GraphQL */ `
  mutation ($input: MoveSamraadMeetingInput!) { moveSamraadMeeting(input: $input) { id status scheduledAt version } }
`;
const READ = /* GraphQL */ `
  query ($id: ID!) { samraadMeeting(id: $id) { id status scheduledAt version } }
`;

type Meeting = { id: string; status: string; scheduledAt: string; version: number };

const hours = (n: number) => n * 3_600_000;

async function planFollowUp() {
  const course = stack.courseOf(
    "persona:coordinator-hovedstaden",
    (c) =>
      c.course.status === "ACTIVE" &&
      c.participants.some((p) => p.sub === "persona:caseworker-kbh") &&
      c.meetings.some((m) => m.kind === "PLANNING" && m.status === "HELD"),
  );
  const scheduledAt = new Date(stack.clock.now().getTime() + hours(48)).toISOString();
  const res = await stack.query<{ planSamraadMeeting: Meeting }>("coordinator-hovedstaden", PLAN, {
    input: {
      caseId: course.caseId,
      kind: "FOLLOW_UP",
      scheduledAt,
      agenda: "Opfølgning",
      participants: [
        { sub: "persona:caseworker-kbh", name: "Mette Lund", sector: "MUNICIPALITY", organisation: "0101", role: "caseworker" },
      ],
    },
  });
  expect(res.errors).toBeUndefined();
  return { course, meeting: res.data?.planSamraadMeeting as Meeting };
}

describe("moving a planned samråd", () => {
  it("the børnehus moves it, and the municipality's participant sees the new time", async () => {
    const { meeting } = await planFollowUp();
    const to = new Date(stack.clock.now().getTime() + hours(72)).toISOString();
    const moved = await stack.query<{ moveSamraadMeeting: Meeting }>("coordinator-hovedstaden", MOVE, {
      input: { meetingId: meeting.id, scheduledAt: to, version: meeting.version },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveSamraadMeeting).toMatchObject({ status: "PLANNED", scheduledAt: to, version: meeting.version + 1 });
    const seen = await stack.query<{ samraadMeeting: Meeting }>("caseworker-kbh", READ, { id: meeting.id });
    expect(seen.data?.samraadMeeting.scheduledAt).toBe(to);
  });

  it("refuses the other sectors, even as participants, and changes nothing", async () => {
    const { meeting } = await planFollowUp();
    const to = new Date(stack.clock.now().getTime() + hours(96)).toISOString();
    for (const persona of ["caseworker-kbh", "investigator-kbh", "physician-rh", "analyst-national"]) {
      const res = await stack.query(persona, MOVE, { input: { meetingId: meeting.id, scheduledAt: to, version: meeting.version } });
      expect(res.errors?.[0]?.extensions?.code, persona).toBe("UNAUTHORIZED");
    }
    const after = await stack.query<{ samraadMeeting: Meeting }>("coordinator-hovedstaden", READ, { id: meeting.id });
    expect(after.data?.samraadMeeting).toMatchObject({ scheduledAt: meeting.scheduledAt, version: meeting.version });
  });

  it("refuses a stale version, a follow-up before its planning samråd, and a meeting that is no longer planned", async () => {
    const { course, meeting } = await planFollowUp();
    const to = new Date(stack.clock.now().getTime() + hours(30)).toISOString();
    const stale = await stack.query("coordinator-hovedstaden", MOVE, {
      input: { meetingId: meeting.id, scheduledAt: to, version: meeting.version + 5 },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const planning = course.meetings.find((m) => m.kind === "PLANNING" && m.status === "HELD");
    const before = new Date(Date.parse(planning?.heldAt ?? "") - hours(24)).toISOString();
    const early = await stack.query("coordinator-hovedstaden", MOVE, {
      input: { meetingId: meeting.id, scheduledAt: before, version: meeting.version },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "scheduledAt" });

    const held = await stack.query("coordinator-hovedstaden", MOVE, { input: { meetingId: planning?.id, scheduledAt: to, version: 1 } });
    expect(held.errors?.[0]?.extensions?.code).toBe("INVALID_STATE_TRANSITION");

    const after = await stack.query<{ samraadMeeting: Meeting }>("coordinator-hovedstaden", READ, { id: meeting.id });
    expect(after.data?.samraadMeeting).toMatchObject({ scheduledAt: meeting.scheduledAt, version: meeting.version });
  });
});

import { randomUUID } from "node:crypto";
import {
  generateInternalKeyPair,
  INTERNAL_TOKEN_HEADER,
  internalSigningKey,
  type Principal,
  scopesFor,
  signInternalToken,
} from "@samraad/access";
import { DEFAULT_LIMITS } from "@samraad/gateway";
import { PERSONAS, type SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SseSubscription, subscribeSse } from "../support/sse.ts";
import { type Stack, startStack } from "../support/stack.ts";

// Live subscriptions end to end (docs/live.md): the gateway's SSE, the børnehus subgraph's
// SSE behind it, LISTEN/NOTIFY on its database (PGlite's session here, PostgreSQL with
// TEST_DATABASE=postgres), and the row rules when subscribing.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 30 });
}, 120_000);
afterAll(async () => stack?.stop());

const CASE_CHANGED = /* GraphQL */ `
  subscription Live($caseId: ID!, $meetingId: ID) {
    caseChanged(caseId: $caseId, meetingId: $meetingId) { caseId change recordId version }
  }
`;
const UPDATE_ITEM = /* GraphQL */ `
  mutation Update($input: UpdateActionItemStatusInput!) {
    updateActionItemStatus(input: $input) { id status version }
  }
`;
const ITEMS = /* GraphQL */ `
  query Items($id: ID!) { samraadMeeting(id: $id) { id actionItems { id status version } openBy { name sector } } }
`;

type Change = { data?: { caseChanged: { caseId: string; change: string; recordId: string | null; version: number | null } } };

const persona = (id: string) => PERSONAS.find((p) => p.id === id) as (typeof PERSONAS)[number];

const ADD_ITEM = /* GraphQL */ `
  mutation Add($input: AddActionItemInput!) { addActionItem(input: $input) { id version } }
`;

/** An open case the coordinator and Copenhagen's caseworker share, with a meeting. */
function sharedCourse(): { course: SyntheticCourse; meetingId: string } {
  const course = stack.courseOf(
    "persona:coordinator-hovedstaden",
    (c) => c.course.closedAt === null && c.participants.some((p) => p.sub === "persona:caseworker-kbh") && c.meetings.length > 0,
  );
  return { course, meetingId: (course.meetings[0] as { id: string }).id };
}

/** A new action item the municipality owns, on the shared case's meeting (added by the coordinator). */
async function sharedItem(): Promise<{ course: SyntheticCourse; meetingId: string; itemId: string }> {
  const { course, meetingId } = sharedCourse();
  const res = await stack.query<{ addActionItem: { id: string } }>("coordinator-hovedstaden", ADD_ITEM, {
    input: {
      meetingId,
      title: "Ring til skolen",
      owningSector: "MUNICIPALITY",
      dueAt: new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    },
  });
  expect(res.errors).toBeUndefined();
  return { course, meetingId, itemId: res.data?.addActionItem.id as string };
}

/**
 * Subscribes as `who` and reads the first message: the RESYNC that says the subscription is
 * live at the subgraph (from then on nothing is missed), or the refusal.
 */
async function live(who: string | null, variables: Record<string, unknown>) {
  const sub = await subscribeSse<Change & { errors?: Array<{ message: string; extensions?: { code?: string } }> }>(
    stack.gatewayUrl,
    who ? await stack.token(who) : null,
    CASE_CHANGED,
    variables,
  );
  const first = sub.refused ? null : await sub.next(5_000);
  return { sub, first, refusal: sub.refused?.errors?.[0] ?? first?.errors?.[0] };
}

async function versionOf(meetingId: string, itemId: string): Promise<number> {
  const res = await stack.query<{ samraadMeeting: { actionItems: Array<{ id: string; version: number }> } }>("caseworker-kbh", ITEMS, {
    id: meetingId,
  });
  return res.data?.samraadMeeting.actionItems.find((i) => i.id === itemId)?.version as number;
}

describe("live changes of a case", () => {
  it("reach every subscriber of the case within 2 s of the write, as ids and a version only", async () => {
    const { course, meetingId, itemId } = await sharedItem();
    const subscribers: SseSubscription<Change>[] = [];
    for (const who of ["coordinator-hovedstaden", "coordinator-hovedstaden", "caseworker-kbh"]) {
      const { sub, first } = await live(who, { caseId: course.caseId });
      expect(sub.status).toBe(200);
      expect(first?.data?.caseChanged).toEqual({ caseId: course.caseId, change: "RESYNC", recordId: null, version: null });
      subscribers.push(sub);
    }
    const version = await versionOf(meetingId, itemId);
    const wrote = performance.now();
    const res = await stack.query<{ updateActionItemStatus: { version: number } }>("caseworker-kbh", UPDATE_ITEM, {
      input: { id: itemId, status: "IN_PROGRESS", version },
    });
    expect(res.errors).toBeUndefined();
    for (const sub of subscribers) {
      const event = await sub.next(2_000);
      expect(event).toEqual({
        data: { caseChanged: { caseId: course.caseId, change: "ACTION_ITEM", recordId: itemId, version: version + 1 } },
      });
    }
    expect(performance.now() - wrote).toBeLessThan(2_000);
    for (const sub of subscribers) sub.close();
  });

  it("carries nothing of another case, and nothing of a write that was rolled back", async () => {
    const { course, meetingId, itemId } = await sharedItem();
    const other = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.caseId !== course.caseId);
    const { sub } = await live("coordinator-hovedstaden", { caseId: other.caseId });
    // A stale version is refused (CONFLICT): its transaction rolls back, and no event leaves.
    const stale = await stack.query("caseworker-kbh", UPDATE_ITEM, { input: { id: itemId, status: "DONE", version: 0 } });
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const version = await versionOf(meetingId, itemId);
    await stack.query("caseworker-kbh", UPDATE_ITEM, { input: { id: itemId, status: "DONE", version } });
    await expect(sub.next(1_000)).rejects.toThrow(/no event/);
    sub.close();
  });

  it("outlive the gateway's upstream timeout (a page stays open for hours)", async () => {
    const { course, meetingId, itemId } = await sharedItem();
    const gateway = await stack.startGateway({ limits: { ...DEFAULT_LIMITS, upstreamTimeoutMs: 300 } });
    const sub = await subscribeSse<Change>(gateway.url, await stack.token("coordinator-hovedstaden"), CASE_CHANGED, {
      caseId: course.caseId,
    });
    expect((await sub.next(5_000))?.data?.caseChanged.change).toBe("RESYNC");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const version = await versionOf(meetingId, itemId);
    await stack.query("caseworker-kbh", UPDATE_ITEM, { input: { id: itemId, status: "IN_PROGRESS", version } });
    expect((await sub.next(2_000))?.data?.caseChanged).toMatchObject({ change: "ACTION_ITEM", recordId: itemId, version: version + 1 });
    sub.close();
  });

  it("shows who has the meeting open, to the others, and forgets them when they leave", async () => {
    const { course, meetingId } = sharedCourse();
    const { sub: watcher } = await live("caseworker-kbh", { caseId: course.caseId, meetingId });
    const { sub: coordinator } = await live("coordinator-hovedstaden", { caseId: course.caseId, meetingId });
    // The caseworker hears the coordinator arrive.
    expect((await watcher.next(2_000))?.data?.caseChanged).toMatchObject({ caseId: course.caseId, change: "PRESENCE" });
    const seen = await stack.query<{ samraadMeeting: { openBy: Array<{ name: string; sector: string }> } }>("caseworker-kbh", ITEMS, {
      id: meetingId,
    });
    expect(seen.data?.samraadMeeting.openBy).toEqual([{ name: "Camilla Berg", sector: "BOERNEHUS" }]);
    coordinator.close();
    const left = await watcher.next(2_000);
    expect(left?.data?.caseChanged.change).toBe("PRESENCE");
    const after = await stack.query<{ samraadMeeting: { openBy: unknown[] } }>("caseworker-kbh", ITEMS, { id: meetingId });
    expect(after.data?.samraadMeeting.openBy).toEqual([]);
    watcher.close();
  });
});

describe("who still cannot subscribe", () => {
  it("another municipality's caseworker: NOT_FOUND, as for an unknown case, and no stream", async () => {
    const { course } = sharedCourse();
    const theirs = await live("caseworker-frb", { caseId: course.caseId });
    const unknown = await live("caseworker-frb", { caseId: randomUUID() });
    expect(theirs.refusal?.extensions?.code).toBe("NOT_FOUND");
    expect(theirs.refusal?.message).toBe(unknown.refusal?.message);
    expect(await theirs.sub.next(1_000)).toBeNull(); // the stream ends: no events follow
    // Nor can she appear in its meeting's presence.
    const meetingId = course.meetings[0]?.id;
    const present = await live("caseworker-frb", { caseId: course.caseId, meetingId });
    expect(present.refusal?.extensions?.code).toBe("NOT_FOUND");
    expect(await stack.subgraphs.boernehus.client.livePresence.count({ where: { sub: "persona:caseworker-frb" } })).toBe(0);
  });

  it("a participant removed from the case: her stream ends at once, and a new one is refused", async () => {
    const shared = sharedCourse().course.caseId;
    const course = stack.courseOf(
      "persona:coordinator-hovedstaden",
      (c) => c.caseId !== shared && c.course.closedAt === null && c.participants.some((p) => p.sub === "persona:caseworker-kbh"),
    );
    const watching = await live("caseworker-kbh", { caseId: course.caseId });
    expect(watching.first?.data?.caseChanged.change).toBe("RESYNC");
    const coordinator = await live("coordinator-hovedstaden", { caseId: course.caseId });
    const participants = await stack.query<{ boernehusCase: { participants: Array<{ id: string; sub: string }> } }>(
      "coordinator-hovedstaden",
      `query($id: ID!) { boernehusCase(id: $id) { participants { id sub } } }`,
      { id: course.caseId },
    );
    const mette = participants.data?.boernehusCase.participants.find((p) => p.sub === "persona:caseworker-kbh");
    const removed = await stack.query(
      "coordinator-hovedstaden",
      `mutation($input: RemoveCaseParticipantInput!) { removeCaseParticipant(input: $input) { id } }`,
      { input: { caseId: course.caseId, participantId: mette?.id } },
    );
    expect(removed.errors).toBeUndefined();
    // The coordinator's stream carries the change; the removed caseworker's ends without it.
    expect((await coordinator.sub.next(5_000))?.data?.caseChanged.change).toBe("PARTICIPANTS");
    expect(await watching.sub.next(5_000)).toBeNull();
    const again = await live("caseworker-kbh", { caseId: course.caseId });
    expect(again.refusal?.extensions?.code).toBe("NOT_FOUND");
    coordinator.sub.close();
  });

  it("the national analyst: refused by the field rules before any subgraph is asked", async () => {
    const { course } = sharedCourse();
    const analyst = await live("analyst-national", { caseId: course.caseId });
    expect(analyst.refusal?.extensions).toMatchObject({ code: "UNAUTHORIZED", coordinate: "Subscription.caseChanged" });
    expect(analyst.first?.data?.caseChanged ?? null).toBeNull();
    expect(await analyst.sub.next(1_000)).toBeNull();
  });

  it("an unauthenticated client: 401", async () => {
    const { course } = sharedCourse();
    const anonymous = await live(null, { caseId: course.caseId });
    expect(anonymous.sub.status).toBe(401);
    expect(anonymous.first).toBeNull();
  });

  it("a forged internal request straight to the subgraph: unsigned, or signed with a key the gateway does not hold", async () => {
    const { course } = sharedCourse();
    const body = JSON.stringify({ query: CASE_CHANGED, variables: { caseId: course.caseId } });
    const post = (headers: Record<string, string>) =>
      fetch(stack.subgraphs.boernehus.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
        body,
      });
    const unsigned = await post({});
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("content-type")).not.toContain("event-stream");
    const coordinator = persona("coordinator-hovedstaden");
    const principal: Principal = {
      sub: coordinator.sub,
      name: coordinator.name,
      sector: coordinator.sector,
      organisation: coordinator.organisation,
      roles: [...coordinator.roles],
    };
    const forger = await internalSigningKey(generateInternalKeyPair().privatePem);
    const token = await signInternalToken({
      principal,
      scopes: scopesFor(principal),
      audience: "boernehus",
      body,
      requestId: randomUUID(),
      key: forger,
    });
    const forged = await post({ [INTERNAL_TOKEN_HEADER]: token });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("content-type")).not.toContain("event-stream");
  });
});

import type { SubgraphInstance } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import {
  caller,
  caseRef,
  caseworker,
  childInput,
  DECIDE_BFU,
  firstError,
  investigator,
  ok,
  otherMunicipality,
  REFER,
  REGISTER,
  referralInput,
  startMunicipality,
} from "./helpers.ts";

let sg: SubgraphInstance<PrismaClient>;
const call = caller(() => sg);

beforeAll(async () => {
  sg = await startMunicipality();
});
afterAll(async () => sg?.stop());

async function registerChild(overrides: Record<string, unknown> = {}) {
  return ok<{ id: string; cpr: string; birthDate: string }>(
    await call(caseworker, REGISTER, { input: childInput(overrides) }),
    "registerChild",
  );
}

/** Refers the child to the børnehus (a BFU first): other sectors see the child through this case. */
async function referChild(childId: string): Promise<string> {
  ok(await call(caseworker, DECIDE_BFU, { input: { childId, decidedAt: "2026-03-01T09:00:00Z" } }), "decideChildAssessment");
  return ok<{ caseId: string }>(await call(caseworker, REFER, { input: referralInput(childId) }), "referToBoernehus").caseId;
}

/** The investigator reads the child through the case, with the børnehus's grant, as the gateway's plan does. */
async function childViaCase(caseId: string, selection: string) {
  return call(
    investigator,
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { child ${selection} } } }`,
    {
      reps: [await caseRef(investigator, caseId)],
    },
  );
}
const childOf = (res: Awaited<ReturnType<typeof call>>) => ok<Array<{ child: unknown }>>(res, "_entities")[0]?.child;

describe("registering a child: CPR validation", () => {
  it("accepts a synthetic CPR with a valid modulus-11 check digit", async () => {
    const child = await registerChild({ cpr: "300415-1231", birthDate: "2015-04-30" }); // synthetic, mod-11 valid
    expect(child).toMatchObject({ cpr: "300415-1231", birthDate: "2015-04-30" }); // synthetic
  });

  it("accepts a synthetic CPR WITHOUT a valid modulus-11 check digit (issued since 2007), given as 10 digits", async () => {
    const child = await registerChild({ cpr: "3004151232", birthDate: "2015-04-30" }); // synthetic, mod-11 invalid
    expect(child.cpr).toBe("300415-1232"); // synthetic, normalised
  });

  it("accepts a replacement number (day + 60)", async () => {
    const child = await registerChild({ cpr: "750316-4821", birthDate: "2016-03-15" }); // synthetic replacement number
    expect(child.cpr).toBe("750316-4821"); // synthetic
  });

  it.each([
    ["wrong length", "30041-1234"], // synthetic
    ["letters", "3004AB-1234"], // synthetic
    ["a 32nd day", "320415-1234"], // synthetic
    ["month 13", "301315-1234"], // synthetic
    ["31 April", "310415-1234"], // synthetic
    ["a date that disagrees with birthDate", "290415-1234"], // synthetic
  ])("refuses %s with BAD_USER_INPUT on cpr and writes nothing", async (_what, cpr) => {
    const before = await sg.client.child.count();
    const res = await call(caseworker, REGISTER, { input: childInput({ cpr, birthDate: "2015-04-30" }) });
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr" });
    expect(res.body.errors?.[0]?.message).toMatch(/cpr/);
    expect(await sg.client.child.count()).toBe(before);
  });

  it("refuses a municipality code that is not four digits", async () => {
    const res = await call(caseworker, REGISTER, { input: childInput({ municipalityCode: "101" }) });
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "municipalityCode" });
  });

  it("refuses a second child with the same CPR (CONFLICT)", async () => {
    const input = childInput();
    ok(await call(caseworker, REGISTER, { input }), "registerChild");
    const again = await call(caseworker, REGISTER, { input });
    expect(firstError(again).code).toBe("CONFLICT");
  });

  it("a municipality registers only its own children", async () => {
    const before = await sg.client.child.count();
    const res = await call(otherMunicipality, REGISTER, { input: childInput() });
    expect(firstError(res).code).toBe("FORBIDDEN");
    expect(await sg.client.child.count()).toBe(before);
  });
});

describe("custody holders and the objection to a video interview", () => {
  const ADD = `mutation($input: AddCustodyHolderInput!) { addCustodyHolder(input: $input) { id name relation objectsToVideoInterview } }`;
  const OBJECT = `mutation($input: RecordVideoInterviewObjectionInput!) { recordVideoInterviewObjection(input: $input) { id objectsToVideoInterview } }`;

  it("records an objection that the police can see, without the custody holder's name", async () => {
    const child = await registerChild();
    const mother = ok<{ id: string }>(
      await call(caseworker, ADD, { input: { childId: child.id, name: "Testmor Syntetisk", relation: "MOTHER" } }),
      "addCustodyHolder",
    );
    ok(await call(caseworker, ADD, { input: { childId: child.id, name: "Testfar Syntetisk", relation: "FATHER" } }), "addCustodyHolder");
    expect(
      ok(await call(caseworker, OBJECT, { input: { custodyHolderId: mother.id, objects: true } }), "recordVideoInterviewObjection"),
    ).toEqual({ id: mother.id, objectsToVideoInterview: true });

    const caseId = await referChild(child.id);
    const shared = await childViaCase(caseId, "{ videoInterviewObjection custodyHolders { id objectsToVideoInterview } }");
    expect(childOf(shared)).toEqual({
      videoInterviewObjection: true,
      custodyHolders: [
        { id: mother.id, objectsToVideoInterview: true },
        { id: expect.any(String), objectsToVideoInterview: false },
      ],
    });
    const names = await childViaCase(caseId, "{ custodyHolders { name } }");
    expect(firstError(names).code).toBe("FORBIDDEN");
    expect(names.body.errors?.[0]?.path).toEqual(["_entities", 0, "child", "custodyHolders", 0, "name"]);
  });

  it("refuses an unknown child (NOT_FOUND) and a malformed id (BAD_USER_INPUT)", async () => {
    const unknown = await call(caseworker, ADD, {
      input: { childId: "00000000-0000-4000-8000-000000000000", name: "Testmor", relation: "MOTHER" },
    });
    expect(firstError(unknown).code).toBe("NOT_FOUND");
    const malformed = await call(caseworker, ADD, { input: { childId: "abc", name: "Testmor", relation: "MOTHER" } });
    expect(firstError(malformed)).toMatchObject({ code: "BAD_USER_INPUT", field: "childId" });
  });
});

describe("notifications and the 24-hour clock", () => {
  const RECORD = `mutation($input: RecordNotificationInput!) { recordNotification(input: $input) { id receivedAt assessmentDueAt assessedAt source concern } }`;
  const ASSESS = `mutation($input: AssessNotificationInput!) { assessNotification(input: $input) { id assessedAt } }`;

  it("records a notification due for assessment 24 hours later, and assesses it once", async () => {
    const child = await registerChild();
    const notification = ok<{ id: string; assessmentDueAt: string }>(
      await call(caseworker, RECORD, {
        input: { childId: child.id, receivedAt: "2026-02-10T13:00:00Z", source: "SCHOOL", concern: "Synthetic concern from the school" },
      }),
      "recordNotification",
    );
    expect(notification.assessmentDueAt).toBe("2026-02-11T13:00:00.000Z");

    const early = await call(caseworker, ASSESS, { input: { notificationId: notification.id, assessedAt: "2026-02-10T12:00:00Z" } });
    expect(firstError(early)).toMatchObject({ code: "BAD_USER_INPUT", field: "assessedAt" });
    expect((await sg.client.notification.findUniqueOrThrow({ where: { id: notification.id } })).assessedAt).toBeNull();

    const assessed = await call(caseworker, ASSESS, { input: { notificationId: notification.id, assessedAt: "2026-02-11T09:00:00Z" } });
    expect(ok(assessed, "assessNotification")).toEqual({ id: notification.id, assessedAt: "2026-02-11T09:00:00.000Z" });
    const twice = await call(caseworker, ASSESS, { input: { notificationId: notification.id, assessedAt: "2026-02-11T10:00:00Z" } });
    expect(firstError(twice).code).toBe("INVALID_STATE_TRANSITION");
  });

  it("shares the clock but not the concern with other sectors", async () => {
    const child = await registerChild();
    ok(
      await call(caseworker, RECORD, {
        input: { childId: child.id, receivedAt: "2026-02-10T13:00:00Z", source: "FAMILY", concern: "Synthetic concern" },
      }),
      "recordNotification",
    );
    const caseId = await referChild(child.id);
    const clock = await childViaCase(caseId, "{ notifications { receivedAt assessedAt } }");
    expect(childOf(clock)).toEqual({ notifications: [{ receivedAt: "2026-02-10T13:00:00.000Z", assessedAt: null }] });
    const concern = await childViaCase(caseId, "{ notifications { concern } }");
    expect(firstError(concern).code).toBe("FORBIDDEN");
    expect(concern.body.errors?.[0]?.path).toEqual(["_entities", 0, "child", "notifications", 0, "concern"]);
  });
});

describe("the child assessment (BFU) and its 4-month clock", () => {
  const COMPLETE = `mutation($input: CompleteChildAssessmentInput!) { completeChildAssessment(input: $input) { id completedAt status } }`;

  it("is due 4 calendar months after the decision, in Danish time", async () => {
    const child = await registerChild();
    const bfu = ok(
      await call(caseworker, DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-01-31T10:00:00Z" } }),
      "decideChildAssessment",
    );
    // 31 January 11:00 CET → 31 May 11:00 CEST.
    expect(bfu).toMatchObject({ decidedAt: "2026-01-31T10:00:00.000Z", dueAt: "2026-05-31T09:00:00.000Z", status: "IN_PROGRESS" });
  });

  it("completes once, not before the decision, and one assessment runs at a time", async () => {
    const child = await registerChild();
    const bfu = ok<{ id: string }>(
      await call(caseworker, DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-02-01T09:00:00Z" } }),
      "decideChildAssessment",
    );
    const second = await call(caseworker, DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-02-02T09:00:00Z" } });
    expect(firstError(second).code).toBe("INVALID_STATE_TRANSITION");
    expect(await sg.client.childAssessment.count({ where: { childId: child.id } })).toBe(1);

    const early = await call(caseworker, COMPLETE, { input: { childAssessmentId: bfu.id, completedAt: "2026-01-01T09:00:00Z" } });
    expect(firstError(early)).toMatchObject({ code: "BAD_USER_INPUT", field: "completedAt" });
    const done = await call(caseworker, COMPLETE, { input: { childAssessmentId: bfu.id, completedAt: "2026-05-01T09:00:00Z" } });
    expect(ok(done, "completeChildAssessment")).toEqual({ id: bfu.id, completedAt: "2026-05-01T09:00:00.000Z", status: "COMPLETED" });
    const again = await call(caseworker, COMPLETE, { input: { childAssessmentId: bfu.id, completedAt: "2026-05-02T09:00:00Z" } });
    expect(firstError(again).code).toBe("INVALID_STATE_TRANSITION");
  });
});

describe("defence in depth", () => {
  it("a police investigator cannot read the child's CPR, even with a signed request", async () => {
    const child = await registerChild();
    const res = await childViaCase(await referChild(child.id), "{ firstName cpr }");
    expect(firstError(res).code).toBe("FORBIDDEN");
    expect(res.body.errors?.[0]?.path).toEqual(["_entities", 0, "child", "cpr"]);
  });

  it("a police investigator cannot write municipality records", async () => {
    const before = await sg.client.child.count();
    const res = await call(investigator, REGISTER, { input: childInput() });
    expect(firstError(res).code).toBe("FORBIDDEN");
    expect(await sg.client.child.count()).toBe(before);
  });

  it("refuses a request the gateway did not sign", async () => {
    const res = await fetch(sg.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(401);
  });
});

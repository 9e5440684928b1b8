import { randomUUID } from "node:crypto";
import { type SubgraphInstance, testCaseGrant } from "@samraad/subgraph-kit";
import type { SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedMunicipality } from "../src/data/seed.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import {
  caller,
  caseRef,
  caseworker,
  childInput,
  coordinator,
  DECIDE_BFU,
  firstError,
  investigator,
  leader,
  ok,
  otherMunicipality,
  REFER,
  REGISTER,
  recommendationRef,
  referralInput,
  startMunicipality,
} from "./helpers.ts";

let sg: SubgraphInstance<PrismaClient>;
const call = caller(() => sg);

beforeAll(async () => {
  sg = await startMunicipality();
});
afterAll(async () => sg?.stop());

const ASSIGN = `mutation($input: AssignCaseworkerInput!) { assignCaseworker(input: $input) { id caseworkerSub caseworkerName from to } }`;
const DECIDE_MEASURE = `mutation($input: DecideMeasureInput!) { decideMeasure(input: $input) { id caseId kind ladderStep decidedAt startedAt version } }`;
const START_MEASURE = `mutation($input: StartMeasureInput!) { startMeasure(input: $input) { id startedAt version } }`;
const END_MEASURE = `mutation($input: EndMeasureInput!) { endMeasure(input: $input) { id endedAt version } }`;
/** A response's input with the børnehus's write grant for that recommendation of that case (Recommendation.writeGrant). */
const granted = async (input: Record<string, unknown>) => ({
  ...input,
  recommendationGrant: await testCaseGrant(caseworker, input.caseId as string, "PARTICIPANT", input.recommendationId as string),
});
const RESPOND = `mutation($input: RespondToRecommendationInput!) {
  respondToRecommendation(input: $input) { id recommendationId response measure { id kind } otherSupport otherSupportKind declineReason note respondedAt respondedByName }
}`;

async function registerChild(overrides: Record<string, unknown> = {}) {
  return ok<{ id: string }>(await call(caseworker, REGISTER, { input: childInput(overrides) }), "registerChild");
}

/** A child with a BFU decided, referred to the børnehus: returns the new caseId. */
async function referredCase(overrides: Record<string, unknown> = {}) {
  const child = await registerChild();
  ok(await call(caseworker, DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-03-01T09:00:00Z" } }), "decideChildAssessment");
  const referral = ok<{ id: string; caseId: string }>(
    await call(caseworker, REFER, { input: referralInput(child.id, overrides) }),
    "referToBoernehus",
  );
  return { childId: child.id, referralId: referral.id, caseId: referral.caseId };
}

async function decideMeasure(caseId: string, overrides: Record<string, unknown> = {}) {
  return ok<{ id: string; version: number }>(
    await call(caseworker, DECIDE_MEASURE, {
      input: { caseId, kind: "FAMILY_TREATMENT", decidedAt: "2026-06-01T09:00:00Z", ...overrides },
    }),
    "decideMeasure",
  );
}

describe("referral to the børnehus", () => {
  it("creates a referral that starts a NEW case (caseId)", async () => {
    const child = await registerChild();
    ok(await call(caseworker, DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-03-01T09:00:00Z" } }), "decideChildAssessment");
    const referral = ok<Record<string, unknown>>(
      await call(caseworker, REFER, { input: referralInput(child.id, { abuseTypes: ["SEXUAL", "PHYSICAL", "SEXUAL"] }) }),
      "referToBoernehus",
    );
    expect(referral).toMatchObject({
      boernehusRegion: "HOVEDSTADEN",
      abuseTypes: ["SEXUAL", "PHYSICAL"],
      policeReportFiled: true,
      municipalityCode: "0101",
    });
    expect(referral.caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(referral.caseId).not.toBe(referral.id);
  });

  it("refuses a case that misses criteria, names them and suggests a consultation; nothing is written", async () => {
    const child = await registerChild();
    const before = await sg.client.referral.count();
    const res = await call(caseworker, REFER, {
      input: referralInput(child.id, { childAssessmentDecided: false, otherSectorInvolved: false }),
    });
    expect(firstError(res)).toMatchObject({ code: "CRITERIA_NOT_MET", missingCriteria: ["childAssessmentDecided", "otherSectorInvolved"] });
    expect(res.body.errors?.[0]?.message).toMatch(/child assessment \(BFU\).*another sector.*consultation \(sparring\) with the børnehus/);
    expect(await sg.client.referral.count()).toBe(before);
  });

  it("refuses a BFU decision that the municipality has not recorded", async () => {
    const child = await registerChild();
    const res = await call(caseworker, REFER, { input: referralInput(child.id) });
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "childAssessmentDecided" });
  });

  it("needs at least one abuse type", async () => {
    const child = await registerChild();
    ok(await call(caseworker, DECIDE_BFU, { input: { childId: child.id, decidedAt: "2026-03-01T09:00:00Z" } }), "decideChildAssessment");
    const res = await call(caseworker, REFER, { input: referralInput(child.id, { abuseTypes: [] }) });
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "abuseTypes" });
  });

  it("lists a municipality's referrals for itself only; the børnehus sees a referral through its case, with a grant", async () => {
    const a = await referredCase();
    const b = await referredCase({ boernehusRegion: "SJAELLAND", referredAt: "2026-03-03T09:00:00Z" });
    const LIST = `query($code: String!) { referralsForMunicipality(municipalityCode: $code, first: 200) { caseId } }`;
    const own = ok<Array<{ caseId: string }>>(await call(caseworker, LIST, { code: "0101" }), "referralsForMunicipality").map(
      (r) => r.caseId,
    );
    expect(own).toEqual(expect.arrayContaining([a.caseId, b.caseId]));
    // The børnehus of the region no longer lists the municipality's referrals (not even those sent to it)...
    const region = await call(coordinator, LIST, { code: "0101" });
    expect(firstError(region).code).toBe("FORBIDDEN");
    expect(region.body.data?.referralsForMunicipality ?? null).toBeNull();
    // ...it reads the referral of a case it may see, through that case and the børnehus's grant.
    const viaCase = await call(
      coordinator,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { referral { caseId boernehusRegion } } } }`,
      { reps: [await caseRef(coordinator, a.caseId)] },
    );
    expect(ok<unknown[]>(viaCase, "_entities")).toEqual([{ referral: { caseId: a.caseId, boernehusRegion: "HOVEDSTADEN" } }]);
    expect(firstError(await call(investigator, LIST, { code: "0101" })).code).toBe("FORBIDDEN");
    expect(firstError(await call(caseworker, LIST, { code: "01" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "municipalityCode" });
  });
});

describe("caseworker assignments", () => {
  it("a new caseworker closes the previous assignment at the same moment", async () => {
    const { caseId } = await referredCase();
    const first = ok<{ id: string }>(
      await call(caseworker, ASSIGN, {
        input: { caseId, caseworkerSub: "cw-a", caseworkerName: "Rådgiver A", from: "2026-03-02T09:00:00Z" },
      }),
      "assignCaseworker",
    );
    // A caseworker does not hand the case on herself: a change is the leader's (continuity), and nothing changes.
    const refused = await call(caseworker, ASSIGN, {
      input: { caseId, caseworkerSub: "cw-b", caseworkerName: "Rådgiver B", from: "2026-04-01T09:00:00Z" },
    });
    expect(firstError(refused).code).toBe("FORBIDDEN");
    const second = ok<{ id: string }>(
      await call(leader, ASSIGN, {
        input: { caseId, caseworkerSub: "cw-b", caseworkerName: "Rådgiver B", from: "2026-04-01T09:00:00Z" },
      }),
      "assignCaseworker",
    );
    const res = await call(
      coordinator,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { caseworker { id } caseworkerHistory { id caseworkerSub from to } } } }`,
      { reps: [await caseRef(coordinator, caseId)] },
    );
    expect(ok<unknown[]>(res, "_entities")[0]).toEqual({
      caseworker: { id: second.id },
      caseworkerHistory: [
        { id: first.id, caseworkerSub: "cw-a", from: "2026-03-02T09:00:00.000Z", to: "2026-04-01T09:00:00.000Z" },
        { id: second.id, caseworkerSub: "cw-b", from: "2026-04-01T09:00:00.000Z", to: null },
      ],
    });
  });

  it("refuses a new assignment that starts before the current one, and changes nothing", async () => {
    const { caseId } = await referredCase();
    ok(
      await call(caseworker, ASSIGN, {
        input: { caseId, caseworkerSub: "cw-a", caseworkerName: "Rådgiver A", from: "2026-03-02T09:00:00Z" },
      }),
      "assignCaseworker",
    );
    const res = await call(leader, ASSIGN, {
      input: { caseId, caseworkerSub: "cw-b", caseworkerName: "Rådgiver B", from: "2026-03-01T09:00:00Z" },
    });
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    const rows = await sg.client.caseworkerAssignment.findMany({ where: { caseId } });
    expect(rows.map((r) => [r.caseworkerSub, r.to])).toEqual([["cw-a", null]]);
  });

  it("refuses an unknown case and another municipality's case", async () => {
    const unknown = await call(caseworker, ASSIGN, {
      input: { caseId: randomUUID(), caseworkerSub: "cw-a", caseworkerName: "Rådgiver A", from: "2026-03-02T09:00:00Z" },
    });
    expect(firstError(unknown).code).toBe("NOT_FOUND");
    const { caseId } = await referredCase();
    const foreign = await call(otherMunicipality, ASSIGN, {
      input: { caseId, caseworkerSub: "cw-a", caseworkerName: "Rådgiver A", from: "2026-03-02T09:00:00Z" },
    });
    // Another municipality's case is answered as one that does not exist (issue 19.4).
    expect(firstError(foreign).code).toBe("NOT_FOUND");
    expect(firstError(foreign).message).toBe(firstError(unknown).message);
    expect(await sg.client.caseworkerAssignment.count({ where: { caseId } })).toBe(0);
  });
});

describe("measures", () => {
  it("derives the ladder step and runs decided → started → ended", async () => {
    const { caseId } = await referredCase();
    const measure = await decideMeasure(caseId, { kind: "SAFETY_PLAN" });
    expect(measure).toMatchObject({ caseId, kind: "SAFETY_PLAN", ladderStep: 4, startedAt: null, version: 1 });
    const early = await call(caseworker, END_MEASURE, { input: { measureId: measure.id, endedAt: "2026-06-02T09:00:00Z", version: 1 } });
    expect(firstError(early).code).toBe("INVALID_STATE_TRANSITION");
    const started = await call(caseworker, START_MEASURE, {
      input: { measureId: measure.id, startedAt: "2026-06-15T09:00:00Z", version: 1 },
    });
    expect(ok(started, "startMeasure")).toEqual({ id: measure.id, startedAt: "2026-06-15T09:00:00.000Z", version: 2 });
    const again = await call(caseworker, START_MEASURE, {
      input: { measureId: measure.id, startedAt: "2026-06-16T09:00:00Z", version: 2 },
    });
    expect(firstError(again).code).toBe("INVALID_STATE_TRANSITION");
    const ended = await call(caseworker, END_MEASURE, { input: { measureId: measure.id, endedAt: "2026-09-01T09:00:00Z", version: 2 } });
    expect(ok(ended, "endMeasure")).toEqual({ id: measure.id, endedAt: "2026-09-01T09:00:00.000Z", version: 3 });
  });

  it("a stale version gets CONFLICT, not a silent overwrite", async () => {
    const { caseId } = await referredCase();
    const measure = await decideMeasure(caseId);
    ok(
      await call(caseworker, START_MEASURE, { input: { measureId: measure.id, startedAt: "2026-06-15T09:00:00Z", version: 1 } }),
      "startMeasure",
    );
    const stale = await call(caseworker, END_MEASURE, { input: { measureId: measure.id, endedAt: "2026-09-01T09:00:00Z", version: 1 } });
    expect(firstError(stale).code).toBe("CONFLICT");
    expect((await sg.client.measure.findUniqueOrThrow({ where: { id: measure.id } })).endedAt).toBeNull();
  });

  it("refuses a start before the decision, and writes nothing", async () => {
    const { caseId } = await referredCase();
    const res = await call(caseworker, DECIDE_MEASURE, {
      input: { caseId, kind: "CONTACT_PERSON", decidedAt: "2026-06-01T09:00:00Z", startedAt: "2026-05-01T09:00:00Z" },
    });
    expect(firstError(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "startedAt" });
    expect(await sg.client.measure.count({ where: { caseId } })).toBe(0);
  });
});

describe("responses to the børnehus's recommendations", () => {
  it("refuses incomplete answers, naming the field, and writes nothing", async () => {
    const { caseId } = await referredCase();
    const other = await referredCase();
    const foreignMeasure = await decideMeasure(other.caseId);
    const base = { recommendationId: randomUUID(), caseId };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ response: "MEASURE" }, "measureId"],
      [{ response: "MEASURE", measureId: foreignMeasure.id }, "measureId"],
      [{ response: "MEASURE", measureId: randomUUID() }, "measureId"],
      [{ response: "OTHER_SUPPORT" }, "otherSupport"],
      [{ response: "OTHER_SUPPORT", otherSupport: "   ", otherSupportKind: "EARLY_PREVENTIVE" }, "otherSupport"],
      [{ response: "OTHER_SUPPORT", otherSupport: "Samtaler" }, "otherSupportKind"],
      [{ response: "DECLINED", declineReason: "NOT_NEEDED", otherSupportKind: "PRIVATE_TREATMENT" }, "otherSupportKind"],
      [{ response: "DECLINED" }, "declineReason"],
      [{ response: "DECLINED", declineReason: "OTHER" }, "note"],
      [
        { response: "OTHER_SUPPORT", otherSupport: "Samtaler", otherSupportKind: "ALONGSIDE_COURSE", declineReason: "NOT_NEEDED" },
        "declineReason",
      ],
    ];
    for (const [input, field] of cases) {
      const res = await call(caseworker, RESPOND, { input: await granted({ ...base, ...input }) });
      expect(firstError(res), JSON.stringify(input)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await sg.client.recommendationResponse.count({ where: { caseId } })).toBe(0);
  });

  it("records each kind of answer once; a second answer gets CONFLICT", async () => {
    const { caseId } = await referredCase();
    const measure = await decideMeasure(caseId);
    const followed = randomUUID();
    const res = await call(caseworker, RESPOND, {
      input: await granted({ recommendationId: followed, caseId, response: "MEASURE", measureId: measure.id }),
    });
    expect(ok(res, "respondToRecommendation")).toMatchObject({
      recommendationId: followed,
      response: "MEASURE",
      measure: { id: measure.id, kind: "FAMILY_TREATMENT" },
      respondedByName: caseworker.name,
    });
    const otherSupport = await call(caseworker, RESPOND, {
      input: await granted({
        recommendationId: randomUUID(),
        caseId,
        response: "OTHER_SUPPORT",
        otherSupport: "Samtaleforløb hos PPR",
        otherSupportKind: "ALONGSIDE_COURSE",
      }),
    });
    expect(ok(otherSupport, "respondToRecommendation")).toMatchObject({
      response: "OTHER_SUPPORT",
      otherSupport: "Samtaleforløb hos PPR",
      otherSupportKind: "ALONGSIDE_COURSE",
    });
    const declined = await call(caseworker, RESPOND, {
      input: await granted({ recommendationId: randomUUID(), caseId, response: "DECLINED", declineReason: "FAMILY_MOTIVATION" }),
    });
    expect(ok(declined, "respondToRecommendation")).toMatchObject({ response: "DECLINED", declineReason: "FAMILY_MOTIVATION", note: null });

    const second = await call(caseworker, RESPOND, {
      input: await granted({ recommendationId: followed, caseId, response: "DECLINED", declineReason: "NOT_NEEDED" }),
    });
    expect(firstError(second).code).toBe("CONFLICT");
    expect(await sg.client.recommendationResponse.count({ where: { caseId } })).toBe(3);
  });

  it("extends the børnehus's Recommendation with the response", async () => {
    const { caseId } = await referredCase();
    const answered = randomUUID();
    ok(
      await call(caseworker, RESPOND, {
        input: await granted({ recommendationId: answered, caseId, response: "DECLINED", declineReason: "NOT_NEEDED" }),
      }),
      "respondToRecommendation",
    );
    const res = await call(
      coordinator,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Recommendation { id response { response declineReason } } } }`,
      { reps: await Promise.all([answered, randomUUID(), "not-a-uuid"].map((id) => recommendationRef(coordinator, id, caseId))) },
    );
    expect(ok(res, "_entities")).toEqual([
      { id: answered, response: { response: "DECLINED", declineReason: "NOT_NEEDED" } },
      { id: expect.any(String), response: null },
      { id: "not-a-uuid", response: null },
    ]);
  });
});

describe("federation: the municipality's part of the case", () => {
  it("resolves many BoernehusCase representations in order, with null/[] for unknown ids", async () => {
    const a = await referredCase();
    const b = await referredCase({ policeReportFiled: false });
    const measure = await decideMeasure(b.caseId);
    const res = await call(
      coordinator,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase {
        id child { id firstName } referral { id policeReportFiled } childAssessment { decidedAt status }
        caseworker { id } caseworkerHistory { id } measures { id ladderStep } recommendationResponses { id }
      } } }`,
      { reps: await Promise.all([b.caseId, randomUUID(), a.caseId].map((id) => caseRef(coordinator, id))) },
    );
    const entities = ok<Array<Record<string, unknown>>>(res, "_entities");
    expect(entities[0]).toEqual({
      id: b.caseId,
      child: { id: b.childId, firstName: "Testbarn" },
      referral: { id: b.referralId, policeReportFiled: false },
      childAssessment: { decidedAt: "2026-03-01T09:00:00.000Z", status: "IN_PROGRESS" },
      caseworker: null,
      caseworkerHistory: [],
      measures: [{ id: measure.id, ladderStep: 2 }],
      recommendationResponses: [],
    });
    expect(entities[1]).toMatchObject({ child: null, referral: null, childAssessment: null, measures: [], caseworkerHistory: [] });
    expect(entities[2]).toMatchObject({ id: a.caseId, child: { id: a.childId }, referral: { id: a.referralId } });
  });

  it("resolves Referral, Child and Measure references for the responsible municipality", async () => {
    const a = await referredCase();
    const measure = await decideMeasure(a.caseId);
    const res = await call(
      caseworker,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Referral { caseId } ... on Child { id } ... on Measure { kind }
      } }`,
      {
        reps: [
          { __typename: "Referral", id: a.referralId },
          { __typename: "Child", id: a.childId },
          { __typename: "Measure", id: measure.id },
          { __typename: "Measure", id: randomUUID() },
        ],
      },
    );
    expect(ok(res, "_entities")).toEqual([{ caseId: a.caseId }, { id: a.childId }, { kind: "FAMILY_TREATMENT" }, null]);
  });
});

describe("the seeder", () => {
  it("writes a synthetic course that the subgraph then serves as the municipality's part of the case", async () => {
    const course = syntheticCourse();
    await seedMunicipality(sg.client, [course]);
    const res = await call(
      coordinator,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase {
        child { firstName videoInterviewObjection notifications { assessedAt } } referral { id abuseTypes } childAssessment { status }
        caseworker { caseworkerName } caseworkerHistory { to } measures { id ladderStep startedAt }
        recommendationResponses { recommendationId response measure { id } respondedByName }
      } } }`,
      { reps: [await caseRef(coordinator, course.caseId)] },
    );
    expect(ok<unknown[]>(res, "_entities")[0]).toEqual({
      child: { firstName: "Syntetisk", videoInterviewObjection: true, notifications: [{ assessedAt: "2025-01-06T08:00:00.000Z" }] },
      referral: { id: course.referral.id, abuseTypes: ["PHYSICAL"] },
      childAssessment: { status: "COMPLETED" },
      caseworker: { caseworkerName: "Syntetisk Rådgiver B" },
      caseworkerHistory: [{ to: "2025-03-01T09:00:00.000Z" }, { to: null }],
      measures: [{ id: course.measures[0]?.id, ladderStep: 2, startedAt: "2025-06-10T09:00:00.000Z" }],
      recommendationResponses: [
        {
          recommendationId: course.recommendationResponses[0]?.recommendationId,
          response: "MEASURE",
          measure: { id: course.measures[0]?.id },
          respondedByName: "Syntetisk Rådgiver B",
        },
      ],
    });
    const child = await sg.client.child.findUniqueOrThrow({ where: { id: course.child.id } });
    expect(child.cpr).toBe("120318-4411"); // synthetic
  });
});

/** One hand-made course in the synthetic model's shape (only the municipality's part matters here). */
function syntheticCourse(): SyntheticCourse {
  const measureId = randomUUID();
  return {
    caseId: randomUUID(),
    region: "SYDDANMARK",
    municipalityCode: "0461",
    child: { id: randomUUID(), cpr: "1203184411", firstName: "Syntetisk", lastName: "Barn", birthDate: "2018-03-12", gender: "BOY" }, // synthetic
    custodyHolders: [
      { id: randomUUID(), name: "Syntetisk Mor", relation: "MOTHER", objectsToVideoInterview: true },
      { id: randomUUID(), name: "Syntetisk Far", relation: "FATHER", objectsToVideoInterview: false },
    ],
    notification: {
      id: randomUUID(),
      receivedAt: "2025-01-05T10:00:00Z",
      source: "DAYCARE",
      concern: "Synthetic concern",
      assessedAt: "2025-01-06T08:00:00Z",
    },
    childAssessment: { id: randomUUID(), decidedAt: "2025-01-10T09:00:00Z", completedAt: "2025-04-10T09:00:00Z" },
    referral: {
      id: randomUUID(),
      referredAt: "2025-01-15T09:00:00Z",
      suspicionOrKnowledge: true,
      childAssessmentDecided: true,
      otherSectorInvolved: true,
      abuseTypes: ["PHYSICAL"],
      policeReportFiled: true,
    },
    caseworkerAssignments: [
      {
        id: randomUUID(),
        caseworkerSub: "synthetic:cw-a",
        caseworkerName: "Syntetisk Rådgiver A",
        from: "2025-01-15T09:00:00Z",
        to: "2025-03-01T09:00:00Z",
      },
      { id: randomUUID(), caseworkerSub: "synthetic:cw-b", caseworkerName: "Syntetisk Rådgiver B", from: "2025-03-01T09:00:00Z", to: null },
    ],
    police: null,
    medicalExaminations: [],
    onwardReferrals: [],
    course: {
      type: "FULL_COURSE",
      status: "CLOSED",
      abuseTypes: ["PHYSICAL"],
      burdenLevel: "MODERATE",
      childAgeAtReferral: 6,
      referralReceivedAt: "2025-01-15T10:00:00Z",
      closedAt: "2025-05-01T09:00:00Z",
    },
    participants: [],
    meetings: [],
    crisisSupport: [],
    assessment: null,
    finalNote: null,
    measures: [
      { id: measureId, kind: "FAMILY_TREATMENT", ladderStep: 2, decidedAt: "2025-06-01T09:00:00Z", startedAt: "2025-06-10T09:00:00Z" },
    ],
    recommendationResponses: [
      {
        id: randomUUID(),
        recommendationId: randomUUID(),
        response: "MEASURE",
        measureId,
        otherSupport: null,
        otherSupportKind: null,
        declineReason: null,
        respondedAt: "2025-06-01T10:00:00Z",
        respondedBySub: "synthetic:cw-b",
      },
    ],
    consultations: [],
    surveys: [],
  };
}

import { randomUUID } from "node:crypto";
import { generateGrantKeyPair, grantKeysFromEnv, type Principal, signCaseGrant } from "@samraad/access";
import { type SubgraphInstance, testCaseGrant } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import {
  caller,
  caseRef,
  caseworker,
  caseworker0147,
  childInput,
  coordinator,
  DECIDE_BFU,
  firstError,
  investigator,
  ok,
  REFER,
  REGISTER,
  type Result,
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

interface Case {
  childId: string;
  referralId: string;
  caseId: string;
  assessmentId: string;
  measureId: string;
  recommendationId: string;
}

/** A 0101 case with every part the municipality adds: child, referral, BFU, caseworker, measure, response. */
async function fullCase(childId?: string): Promise<Case> {
  const id = childId ?? ok<{ id: string }>(await call(caseworker, REGISTER, { input: childInput() }), "registerChild").id;
  const bfu = childId
    ? await sg.client.childAssessment.findFirstOrThrow({ where: { childId: id } })
    : ok<{ id: string }>(
        await call(caseworker, DECIDE_BFU, { input: { childId: id, decidedAt: "2026-03-01T09:00:00Z" } }),
        "decideChildAssessment",
      );
  const referral = ok<{ id: string; caseId: string }>(await call(caseworker, REFER, { input: referralInput(id) }), "referToBoernehus");
  const { caseId } = referral;
  ok(
    await call(caseworker, `mutation($input: AssignCaseworkerInput!) { assignCaseworker(input: $input) { id } }`, {
      input: { caseId, caseworkerSub: caseworker.sub, caseworkerName: caseworker.name, from: "2026-03-02T09:00:00Z" },
    }),
    "assignCaseworker",
  );
  const measure = ok<{ id: string }>(
    await call(caseworker, `mutation($input: DecideMeasureInput!) { decideMeasure(input: $input) { id } }`, {
      input: { caseId, kind: "FAMILY_TREATMENT", decidedAt: "2026-06-01T09:00:00Z" },
    }),
    "decideMeasure",
  );
  const recommendationId = randomUUID();
  ok(
    await call(caseworker, `mutation($input: RespondToRecommendationInput!) { respondToRecommendation(input: $input) { id } }`, {
      input: {
        recommendationId,
        recommendationGrant: await testCaseGrant(caseworker, caseId, "PARTICIPANT", recommendationId),
        caseId,
        response: "MEASURE",
        measureId: measure.id,
      },
    }),
    "respondToRecommendation",
  );
  return { childId: id, referralId: referral.id, caseId, assessmentId: bfu.id, measureId: measure.id, recommendationId };
}

/** Every field the municipality adds to the hub. */
const CASE_FIELDS = {
  child: "child { id firstName }",
  referral: "referral { id caseId }",
  childAssessment: "childAssessment { id }",
  caseworker: "caseworker { caseworkerName }",
  caseworkerHistory: "caseworkerHistory { caseworkerSub }",
  measures: "measures { id }",
  recommendationResponses: "recommendationResponses { id recommendationId }",
} as const;
const caseQuery = (selection: string) =>
  `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { id ${selection} } } }`;
const RESPONSE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Recommendation { id response { id recommendationId } } } }`;
const REFS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Child { id firstName } ... on Referral { id caseId } ... on Measure { id kind }
} }`;
const CHILD = `query($id: ID!) { child(id: $id) { id firstName } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { id caseId } }`;
const LIST = `query($code: String!) { referralsForMunicipality(municipalityCode: $code, first: 200) { id caseId } }`;

/** Refused, and nothing of the case in the answer. */
function expectRefused(res: Result, code: string, c: Case) {
  expect(firstError(res).code).toBe(code);
  const data = JSON.stringify(res.body.data ?? null);
  for (const id of [c.childId, c.referralId, c.measureId]) expect(data).not.toContain(id);
}

/** A grant as the børnehus would sign it, but with a key that is not the børnehus's. */
async function forgedGrant(principal: Principal, caseId: string): Promise<string> {
  const { privatePem, publicPem } = await generateGrantKeyPair();
  const keys = await grantKeysFromEnv({ SAMRAAD_GRANT_PUBLIC_KEY: publicPem, SAMRAAD_GRANT_PRIVATE_KEY: privatePem });
  return signCaseGrant({ caseId, sub: principal.sub, basis: "ORGANISATION", municipalityCode: "0101", region: "HOVEDSTADEN" }, keys);
}

describe("row level: the municipality's part of a case needs the børnehus's grant", () => {
  it("serves every field with a grant for this principal and this case", async () => {
    const c = await fullCase();
    const res = await call(coordinator, caseQuery(Object.values(CASE_FIELDS).join(" ")), { reps: [await caseRef(coordinator, c.caseId)] });
    expect(ok<unknown[]>(res, "_entities")[0]).toEqual({
      id: c.caseId,
      child: { id: c.childId, firstName: "Testbarn" },
      referral: { id: c.referralId, caseId: c.caseId },
      childAssessment: { id: c.assessmentId },
      caseworker: { caseworkerName: caseworker.name },
      caseworkerHistory: [{ caseworkerSub: caseworker.sub }],
      measures: [{ id: c.measureId }],
      recommendationResponses: [{ id: expect.any(String), recommendationId: c.recommendationId }],
    });
  });

  it("refuses every field without a grant, with another principal's, for another case, or not signed by the børnehus", async () => {
    const c = await fullCase();
    const other = await fullCase();
    const refs: Array<[string, Record<string, unknown>]> = [
      ["no grant", await caseRef(coordinator, c.caseId, { grant: false })],
      ["another principal's grant", await caseRef(investigator, c.caseId)],
      ["a grant for another case", await caseRef(coordinator, c.caseId, { grantCaseId: other.caseId })],
      ["a forged grant", { __typename: "BoernehusCase", id: c.caseId, accessGrant: await forgedGrant(coordinator, c.caseId) }],
      ["garbage", { __typename: "BoernehusCase", id: c.caseId, accessGrant: "not.a.jwt" }],
    ];
    for (const [field, selection] of Object.entries(CASE_FIELDS)) {
      for (const [what, rep] of refs) {
        const res = await call(coordinator, caseQuery(selection), { reps: [rep] });
        expect(firstError(res).code, `${field} with ${what}`).toBe("FORBIDDEN");
        expect(res.body.errors?.[0]?.path, `${field} with ${what}`).toEqual(["_entities", 0, field]);
        expectRefused(res, "FORBIDDEN", c);
      }
    }
    const denied = (await sg.auditLog.entriesFor({ caseIds: [c.caseId], childIds: [] })).filter((e) => e.decision === "DENIED");
    expect(denied.some((e) => e.actorSub === coordinator.sub && e.fieldPaths.includes("BoernehusCase.accessGrant"))).toBe(true);
  });

  it("a child reached through one case lists that case's referral only; the municipality lists all", async () => {
    const first = await fullCase();
    const second = await fullCase(first.childId);
    const viaCase = async (caseIds: string[]) => {
      const res = await call(coordinator, caseQuery("child { referrals { caseId } }"), {
        reps: await Promise.all(caseIds.map((id) => caseRef(coordinator, id))),
      });
      return ok<Array<{ child: { referrals: Array<{ caseId: string }> } }>>(res, "_entities").map((e) =>
        e.child.referrals.map((r) => r.caseId).sort(),
      );
    };
    expect(await viaCase([first.caseId])).toEqual([[first.caseId]]);
    const both = [first.caseId, second.caseId].sort();
    expect(await viaCase([first.caseId, second.caseId])).toEqual([both, both]);
    const own = await call(caseworker, `query($id: ID!) { child(id: $id) { referrals { caseId } } }`, { id: first.childId });
    expect(
      ok<{ referrals: Array<{ caseId: string }> }>(own, "child")
        .referrals.map((r) => r.caseId)
        .sort(),
    ).toEqual(both);
  });
});

describe("row level: Recommendation.response needs the grant for the recommendation's case", () => {
  it("answers with a grant for the response's case, and null when there is no response yet", async () => {
    const c = await fullCase();
    const unanswered = randomUUID();
    const res = await call(coordinator, RESPONSE, {
      reps: [
        await recommendationRef(coordinator, c.recommendationId, c.caseId),
        await recommendationRef(coordinator, unanswered, c.caseId),
      ],
    });
    expect(ok(res, "_entities")).toEqual([
      { id: c.recommendationId, response: { id: expect.any(String), recommendationId: c.recommendationId } },
      { id: unanswered, response: null },
    ]);
  });

  it("refuses without a grant, with another principal's, or with a grant for another case", async () => {
    const c = await fullCase();
    const other = await fullCase();
    const reps = [
      await recommendationRef(coordinator, c.recommendationId, null),
      await recommendationRef(investigator, c.recommendationId, c.caseId),
      await recommendationRef(coordinator, c.recommendationId, other.caseId),
      { __typename: "Recommendation", id: c.recommendationId, accessGrant: await forgedGrant(coordinator, c.caseId) },
    ];
    for (const rep of reps) {
      const res = await call(coordinator, RESPONSE, { reps: [rep] });
      expect(firstError(res).code).toBe("FORBIDDEN");
      expect(res.body.errors?.[0]?.path).toEqual(["_entities", 0, "response"]);
      expect(JSON.stringify(res.body.data)).not.toContain(c.measureId);
    }
    // Without a grant nothing is answered, not even that there is no response.
    const none = await call(coordinator, RESPONSE, { reps: [await recommendationRef(coordinator, randomUUID(), null)] });
    expect(firstError(none).code).toBe("FORBIDDEN");
  });
});

describe("row level: the municipality's own entry points are for the responsible municipality", () => {
  it("a caseworker of another municipality (0147) never sees a 0101 child: root fields, references, the case", async () => {
    const c = await fullCase();
    // Root fields: answered exactly like a missing row.
    const child = await call(caseworker0147, CHILD, { id: c.childId });
    expectRefused(child, "NOT_FOUND", c);
    expect(child.body.errors?.[0]?.message).toBe((await call(caseworker0147, CHILD, { id: randomUUID() })).body.errors?.[0]?.message);
    const referral = await call(caseworker0147, REFERRAL, { id: c.referralId });
    expectRefused(referral, "NOT_FOUND", c);
    expect(referral.body.errors?.[0]?.message).toBe((await call(caseworker0147, REFERRAL, { id: randomUUID() })).body.errors?.[0]?.message);
    expectRefused(await call(caseworker0147, LIST, { code: "0101" }), "FORBIDDEN", c);
    // Its own list does not contain the 0101 referral either.
    const own = ok<Array<{ id: string }>>(await call(caseworker0147, LIST, { code: "0147" }), "referralsForMunicipality");
    expect(own.map((r) => r.id)).not.toContain(c.referralId);

    // References to the municipality's own entities: null, as for a missing row.
    const refs = await call(caseworker0147, REFS, {
      reps: [
        { __typename: "Child", id: c.childId },
        { __typename: "Referral", id: c.referralId },
        { __typename: "Measure", id: c.measureId },
      ],
    });
    expect(ok(refs, "_entities")).toEqual([null, null, null]);

    // The case: without a valid grant of its own, every field is refused.
    for (const rep of [
      await caseRef(caseworker0147, c.caseId, { grant: false }),
      await caseRef(caseworker, c.caseId), // the responsible caseworker's grant is no use to anyone else
      await caseRef(caseworker0147, c.caseId, { grantCaseId: randomUUID() }),
    ]) {
      for (const [field, selection] of Object.entries(CASE_FIELDS)) {
        const res = await call(caseworker0147, caseQuery(selection), { reps: [rep] });
        expect(firstError(res).code, field).toBe("FORBIDDEN");
        expectRefused(res, "FORBIDDEN", c);
      }
    }
    for (const rep of [
      await recommendationRef(caseworker0147, c.recommendationId, null),
      await recommendationRef(caseworker, c.recommendationId, c.caseId),
    ]) {
      expectRefused(await call(caseworker0147, RESPONSE, { reps: [rep] }), "FORBIDDEN", c);
    }
  });

  it("the børnehus decides: with its grant (e.g. after breaking the glass) 0147 sees the case, and still not the root fields", async () => {
    const c = await fullCase();
    const grant = await testCaseGrant(caseworker0147, c.caseId, "EMERGENCY");
    const res = await call(caseworker0147, caseQuery("child { id } referral { id }"), {
      reps: [{ __typename: "BoernehusCase", id: c.caseId, accessGrant: grant }],
    });
    expect(ok<unknown[]>(res, "_entities")[0]).toEqual({ id: c.caseId, child: { id: c.childId }, referral: { id: c.referralId } });
    expect(firstError(await call(caseworker0147, CHILD, { id: c.childId })).code).toBe("NOT_FOUND");
  });

  it("other sectors (police, børnehus) get NOT_FOUND at the root and null references", async () => {
    const c = await fullCase();
    // The børnehus the referral is addressed to receives the referral itself until it registers the
    // course (the hand-off, docs/access-model.md), and nothing else at the root.
    expect(ok(await call(coordinator, REFERRAL, { id: c.referralId }), "referral")).toEqual({ id: c.referralId, caseId: c.caseId });
    expectRefused(await call(coordinator, CHILD, { id: c.childId }), "NOT_FOUND", c);
    expect(firstError(await call(coordinator, LIST, { code: "0101" })).code).toBe("FORBIDDEN");
    const otherBoernehus: Principal = { ...coordinator, sub: "persona:coordinator-syddanmark", organisation: "SYDDANMARK" };
    for (const p of [investigator, otherBoernehus]) {
      expectRefused(await call(p, CHILD, { id: c.childId }), "NOT_FOUND", c);
      expectRefused(await call(p, REFERRAL, { id: c.referralId }), "NOT_FOUND", c);
      expectRefused(await call(p, LIST, { code: "0101" }), "FORBIDDEN", c);
      const refs = await call(p, REFS, {
        reps: [
          { __typename: "Child", id: c.childId },
          { __typename: "Referral", id: c.referralId },
          { __typename: "Measure", id: c.measureId },
        ],
      });
      expect(ok(refs, "_entities")).toEqual([null, null, null]);
    }
    // The responsible municipality: all of it.
    expect(ok(await call(caseworker, CHILD, { id: c.childId }), "child")).toEqual({ id: c.childId, firstName: "Testbarn" });
    expect(ok(await call(caseworker, REFERRAL, { id: c.referralId }), "referral")).toEqual({ id: c.referralId, caseId: c.caseId });
  });

  it("refuses every write by another municipality with NOT_FOUND, as for an absent record (issue 19), and writes nothing", async () => {
    const c = await fullCase();
    const holder = ok<{ id: string }>(
      await call(caseworker, `mutation($input: AddCustodyHolderInput!) { addCustodyHolder(input: $input) { id } }`, {
        input: { childId: c.childId, name: "Testmor Syntetisk", relation: "MOTHER" },
      }),
      "addCustodyHolder",
    );
    const notification = ok<{ id: string }>(
      await call(caseworker, `mutation($input: RecordNotificationInput!) { recordNotification(input: $input) { id } }`, {
        input: { childId: c.childId, receivedAt: "2026-02-10T13:00:00Z", source: "SCHOOL", concern: "Synthetic concern" },
      }),
      "recordNotification",
    );
    const writes: Array<[string, string, Record<string, unknown>]> = [
      ["registerChild", "RegisterChildInput", childInput({ municipalityCode: "0101" })],
      ["addCustodyHolder", "AddCustodyHolderInput", { childId: c.childId, name: "Testfar", relation: "FATHER" }],
      ["recordVideoInterviewObjection", "RecordVideoInterviewObjectionInput", { custodyHolderId: holder.id, objects: true }],
      [
        "recordNotification",
        "RecordNotificationInput",
        { childId: c.childId, receivedAt: "2026-02-11T13:00:00Z", source: "SCHOOL", concern: "Synthetic" },
      ],
      ["assessNotification", "AssessNotificationInput", { notificationId: notification.id, assessedAt: "2026-02-11T09:00:00Z" }],
      ["decideChildAssessment", "DecideChildAssessmentInput", { childId: c.childId, decidedAt: "2026-03-10T09:00:00Z" }],
      [
        "completeChildAssessment",
        "CompleteChildAssessmentInput",
        { childAssessmentId: c.assessmentId, completedAt: "2026-05-01T09:00:00Z" },
      ],
      ["referToBoernehus", "ReferToBoernehusInput", referralInput(c.childId)],
      [
        "assignCaseworker",
        "AssignCaseworkerInput",
        { caseId: c.caseId, caseworkerSub: "cw-x", caseworkerName: "Rådgiver X", from: "2026-04-01T09:00:00Z" },
      ],
      ["decideMeasure", "DecideMeasureInput", { caseId: c.caseId, kind: "SAFETY_PLAN", decidedAt: "2026-06-02T09:00:00Z" }],
      ["startMeasure", "StartMeasureInput", { measureId: c.measureId, startedAt: "2026-06-15T09:00:00Z", version: 1 }],
      ["endMeasure", "EndMeasureInput", { measureId: c.measureId, endedAt: "2026-09-01T09:00:00Z", version: 1 }],
      [
        "respondToRecommendation",
        "RespondToRecommendationInput",
        { recommendationId: randomUUID(), caseId: c.caseId, response: "DECLINED", declineReason: "NOT_NEEDED" },
      ],
    ];
    const snapshot = async () => ({
      children: await sg.client.child.count(),
      holders: await sg.client.custodyHolder.findMany({ where: { childId: c.childId }, orderBy: { id: "asc" } }),
      notifications: await sg.client.notification.findMany({ where: { childId: c.childId }, orderBy: { id: "asc" } }),
      assessments: await sg.client.childAssessment.findMany({ where: { childId: c.childId }, orderBy: { id: "asc" } }),
      referrals: await sg.client.referral.count({ where: { childId: c.childId } }),
      assignments: await sg.client.caseworkerAssignment.findMany({ where: { caseId: c.caseId }, orderBy: { id: "asc" } }),
      measures: await sg.client.measure.findMany({ where: { caseId: c.caseId }, orderBy: { id: "asc" } }),
      responses: await sg.client.recommendationResponse.count({ where: { caseId: c.caseId } }),
    });
    const before = await snapshot();
    for (const [name, type, input] of writes) {
      const res = await call(caseworker0147, `mutation($input: ${type}!) { ${name}(input: $input) { __typename } }`, { input });
      // registerChild names the municipality in the caller's own input: FORBIDDEN tells nothing new.
      expect(firstError(res).code, name).toBe(name === "registerChild" ? "FORBIDDEN" : "NOT_FOUND");
    }
    expect(await snapshot()).toEqual(before);
  });
});

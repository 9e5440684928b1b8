import { randomUUID } from "node:crypto";
import { generateGrantKeyPair, grantKeysFromEnv, type Principal, signCaseGrant } from "@samraad/access";
import { callSubgraph, runSubgraph, type SubgraphInstance, testCaseGrant } from "@samraad/subgraph-kit";
import type { SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { health } from "../src/app.ts";
import type { Db } from "../src/data/client.ts";
import { seedHealth } from "../src/data/seed.ts";

process.env.SAMRAAD_INTERNAL_SECRET ??= "test-secret-test-secret-test-secret-0123";

const physician: Principal = {
  sub: "persona:physician-rh",
  name: "Test Læge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};
/** Health care of another region (Region Sjælland), and of the North Denmark Region. */
const physicianSj: Principal = { ...physician, sub: "persona:physician-sj", name: "Test Læge Sjælland", organisation: "REGION_SJ" };
const physicianN: Principal = { ...physician, sub: "persona:physician-n", name: "Test Læge Nord", organisation: "REGION_N" };
const investigator: Principal = {
  sub: "persona:investigator-kbh",
  name: "Test Efterforsker",
  sector: "POLICE",
  organisation: "KBH",
  roles: ["investigator"],
};
const policeLeader: Principal = { ...investigator, sub: "persona:leader-kbh", name: "Test Politileder", roles: ["leader"] };
const caseworker: Principal = {
  sub: "persona:caseworker-0101",
  name: "Test Rådgiver",
  sector: "MUNICIPALITY",
  organisation: "0101",
  roles: ["caseworker"],
};

let sg: SubgraphInstance<Db>;
type Body = Awaited<ReturnType<typeof callSubgraph>>["body"];
const call = (principal: Principal, query: string, variables?: Record<string, unknown>) =>
  callSubgraph(sg.url, "health", principal, query, variables);

const EXAM_FIELDS = "id caseId kind status scheduledAt performedAt unit hospitalRegion version";
const SCHEDULE = `mutation($input: ScheduleMedicalExaminationInput!) { scheduleMedicalExamination(input: $input) { ${EXAM_FIELDS} physicianName } }`;
const PERFORMED = `mutation($input: RecordMedicalExaminationPerformedInput!) {
  recordMedicalExaminationPerformed(input: $input) { ${EXAM_FIELDS} findingsSummary clinicalDetails physicianName } }`;
const CANCEL = `mutation($input: CancelMedicalExaminationInput!) { cancelMedicalExamination(input: $input) { ${EXAM_FIELDS} cancellationReason } }`;
const REFER = `mutation($input: ReferOnwardInput!) { referOnward(input: $input) { id examinationId caseId target referredAt reason } }`;

interface Exam {
  id: string;
  caseId: string;
  status: string;
  version: number;
  performedAt: string | null;
  physicianName?: string | null;
}

const SCHEDULED_AT = "2026-03-02T09:00:00.000Z";
const PERFORMED_AT = "2026-03-02T09:30:00.000Z";
const inTwoDays = () => new Date(Date.now() + 2 * 24 * 60 * 60_000).toISOString();

const errorOf = (body: Body) => body.errors?.[0];

/** The hub as the gateway's query plan sends it: with the børnehus subgraph's access grant for `principal`. */
async function caseRef(principal: Principal, caseId: string, grant = true) {
  return { __typename: "BoernehusCase", id: caseId, accessGrant: grant ? await testCaseGrant(principal, caseId) : null };
}
const caseRefs = (principal: Principal, caseIds: string[]) => Promise.all(caseIds.map((id) => caseRef(principal, id)));
/** The answer's top-level field, typed for the test; fails the test when there is none. */
function dataOf<T>(body: Body, field: string): T {
  const value = body.data?.[field];
  if (value === undefined || value === null) throw new Error(`No ${field} in ${JSON.stringify(body)}`);
  return value as T;
}
const expectBadInput = (body: Body, field: string) => {
  expect(errorOf(body)?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  expect(errorOf(body)?.message).toContain(field);
};

async function schedule(overrides: Record<string, unknown> = {}): Promise<Exam> {
  const input = {
    caseId: randomUUID(),
    kind: "FORENSIC",
    scheduledAt: SCHEDULED_AT,
    unit: "Rigshospitalet, Børneafdelingen",
    hospitalRegion: "HOVEDSTADEN",
    ...overrides,
  };
  // The børnehus's write grant for the case, as the client fetches it (BoernehusCase.writeGrant).
  const res = await call(physician, SCHEDULE, { input: { caseGrant: await testCaseGrant(physician, input.caseId as string), ...input } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.scheduleMedicalExamination as Exam;
}

async function perform(exam: Exam, overrides: Record<string, unknown> = {}): Promise<Exam> {
  const res = await call(physician, PERFORMED, {
    input: {
      examinationId: exam.id,
      performedAt: PERFORMED_AT,
      findingsSummary: "Blå mærker på overarmene, forenelige med greb.",
      clinicalDetails: "Tre ovale hæmatomer 1-2 cm, venstre overarm; ingen frakturer.",
      version: exam.version,
      ...overrides,
    },
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.recordMedicalExaminationPerformed as Exam;
}

beforeAll(async () => {
  sg = await runSubgraph(health, { database: "test" });
});
afterAll(async () => sg?.stop());

describe("scheduling a medical examination", () => {
  it("schedules it, trimmed, as SCHEDULED at version 1", async () => {
    const caseId = randomUUID();
    const exam = await schedule({
      caseId,
      kind: "INITIAL_ASSESSMENT",
      unit: "  Odense Universitetshospital, H.C. Andersen Børnehospital ",
      physicianName: " Test Læge ",
    });
    expect(exam).toMatchObject({
      caseId,
      kind: "INITIAL_ASSESSMENT",
      status: "SCHEDULED",
      scheduledAt: SCHEDULED_AT,
      performedAt: null,
      unit: "Odense Universitetshospital, H.C. Andersen Børnehospital",
      version: 1,
    });
    expect(exam.physicianName).toBe("Test Læge");
  });

  it.each([
    ["unit", { unit: "   " }, /unit cannot be empty/],
    ["unit", { unit: "x".repeat(201) }, /unit is longer than 200/],
    ["physicianName", { physicianName: "x".repeat(201) }, /physicianName is longer than 200/],
    ["caseId", { caseId: "not-a-uuid" }, /caseId must be a UUID/],
  ])("refuses a bad %s with an actionable error and writes nothing", async (field, overrides, message) => {
    const before = await sg.client.medicalExamination.count();
    const res = await call(physicianN, SCHEDULE, {
      input: {
        caseId: randomUUID(),
        kind: "SOMATIC",
        scheduledAt: SCHEDULED_AT,
        unit: "Aalborg UH",
        hospitalRegion: "NORDJYLLAND",
        ...overrides,
      },
    });
    expectBadInput(res.body, field);
    expect(errorOf(res.body)?.message).toMatch(message);
    expect(await sg.client.medicalExamination.count()).toBe(before);
  });
});

describe("recording an examination as performed", () => {
  it("records the findings and moves SCHEDULED → PERFORMED, version 2", async () => {
    const exam = await schedule({ physicianName: "Test Læge" });
    const performed = await perform(exam, { clinicalDetails: "   " });
    expect(performed).toMatchObject({
      status: "PERFORMED",
      performedAt: PERFORMED_AT,
      version: 2,
      findingsSummary: "Blå mærker på overarmene, forenelige med greb.",
      // Blank clinical details mean none; the booked physician stays.
      clinicalDetails: null,
      physicianName: "Test Læge",
    });
  });

  it.each([
    ["performedAt", () => ({ performedAt: inTwoDays() }), /performedAt cannot be in the future/],
    ["performedAt", () => ({ performedAt: "2026-02-20T09:00:00Z" }), /more than a day before scheduledAt/],
    ["findingsSummary", () => ({ findingsSummary: " " }), /findingsSummary cannot be empty/],
    ["findingsSummary", () => ({ findingsSummary: "x".repeat(4001) }), /findingsSummary is longer than 4000/],
    ["clinicalDetails", () => ({ clinicalDetails: "x".repeat(20_001) }), /clinicalDetails is longer than 20000/],
  ])("refuses a bad %s and leaves the examination untouched", async (field, overrides, message) => {
    const exam = await schedule();
    const res = await call(physician, PERFORMED, {
      input: { examinationId: exam.id, performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 1, ...overrides() },
    });
    expectBadInput(res.body, field);
    expect(errorOf(res.body)?.message).toMatch(message);
    expect(await sg.client.medicalExamination.findUniqueOrThrow({ where: { id: exam.id } })).toMatchObject({
      status: "SCHEDULED",
      version: 1,
      performedAt: null,
      findingsSummary: null,
    });
  });

  it("refuses to perform an examination twice (INVALID_STATE_TRANSITION)", async () => {
    const performed = await perform(await schedule());
    const again = await call(physician, PERFORMED, {
      input: { examinationId: performed.id, performedAt: PERFORMED_AT, findingsSummary: "Andre fund.", version: performed.version },
    });
    expect(errorOf(again.body)?.extensions?.code).toBe("INVALID_STATE_TRANSITION");
    expect(errorOf(again.body)?.message).toMatch(/Only a SCHEDULED examination.*PERFORMED/);
    const row = await sg.client.medicalExamination.findUniqueOrThrow({ where: { id: performed.id } });
    expect(row.findingsSummary).toBe("Blå mærker på overarmene, forenelige med greb.");
  });

  it("answers NOT_FOUND for an unknown examination id, and BAD_USER_INPUT naming the field for a malformed one", async () => {
    const unknown = await call(physician, PERFORMED, {
      input: { examinationId: randomUUID(), performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 1 },
    });
    expect(errorOf(unknown.body)?.extensions?.code).toBe("NOT_FOUND");
    const malformed = await call(physician, PERFORMED, {
      input: { examinationId: "exam-1", performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 1 },
    });
    expectBadInput(malformed.body, "examinationId");
  });
});

describe("cancelling an examination", () => {
  it("cancels a SCHEDULED examination with a reason", async () => {
    const exam = await schedule();
    const res = await call(physician, CANCEL, { input: { examinationId: exam.id, reason: " Barnet indlagt andetsteds. ", version: 1 } });
    expect(res.body.data?.cancelMedicalExamination).toMatchObject({
      status: "CANCELLED",
      version: 2,
      cancellationReason: "Barnet indlagt andetsteds.",
    });
  });

  it("refuses an empty reason and writes nothing", async () => {
    const exam = await schedule();
    const res = await call(physician, CANCEL, { input: { examinationId: exam.id, reason: "", version: 1 } });
    expectBadInput(res.body, "reason");
    expect(await sg.client.medicalExamination.findUniqueOrThrow({ where: { id: exam.id } })).toMatchObject({
      status: "SCHEDULED",
      version: 1,
    });
  });

  it("only a SCHEDULED examination can be cancelled, and a cancelled one cannot be performed", async () => {
    const performed = await perform(await schedule());
    const cancelPerformed = await call(physician, CANCEL, { input: { examinationId: performed.id, reason: "Fejl", version: 2 } });
    expect(errorOf(cancelPerformed.body)?.extensions?.code).toBe("INVALID_STATE_TRANSITION");

    const exam = await schedule();
    await call(physician, CANCEL, { input: { examinationId: exam.id, reason: "Aflyst af familien", version: 1 } });
    const performCancelled = await call(physician, PERFORMED, {
      input: { examinationId: exam.id, performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 2 },
    });
    expect(errorOf(performCancelled.body)?.extensions?.code).toBe("INVALID_STATE_TRANSITION");
  });

  it("a stale version gets CONFLICT, not a silent overwrite", async () => {
    const exam = await schedule();
    const moved = await call(physician, CANCEL, { input: { examinationId: exam.id, reason: "Flyttet", version: 1 } });
    expect(moved.body.errors).toBeUndefined();
    const stale = await call(physician, PERFORMED, {
      input: { examinationId: exam.id, performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 1 },
    });
    expect(errorOf(stale.body)?.extensions?.code).toBe("CONFLICT");
    expect(errorOf(stale.body)?.message).toMatch(/version 2, you sent 1/);
  });
});

describe("onward referrals", () => {
  it("refers onward from a PERFORMED examination and shows it on the examination and the case", async () => {
    const exam = await perform(await schedule());
    const res = await call(physician, REFER, {
      input: { examinationId: exam.id, target: "CHILD_PSYCHIATRY", referredAt: "2026-03-03T12:00:00Z", reason: "Tegn på traume." },
    });
    expect(res.body.data?.referOnward).toMatchObject({
      examinationId: exam.id,
      caseId: exam.caseId,
      target: "CHILD_PSYCHIATRY",
      referredAt: "2026-03-03T12:00:00.000Z",
      reason: "Tegn på traume.",
    });
    const read = await call(physician, `query($id: ID!) { medicalExamination(id: $id) { onwardReferrals { target } } }`, { id: exam.id });
    expect(read.body.data?.medicalExamination).toEqual({ onwardReferrals: [{ target: "CHILD_PSYCHIATRY" }] });
  });

  it("refuses an onward referral from an examination that was not performed", async () => {
    const exam = await schedule();
    const res = await call(physician, REFER, {
      input: { examinationId: exam.id, target: "PEDIATRICS", referredAt: "2026-03-03T12:00:00Z", reason: "Opfølgning" },
    });
    expect(errorOf(res.body)?.extensions?.code).toBe("INVALID_STATE_TRANSITION");
    expect(await sg.client.onwardReferral.count({ where: { examinationId: exam.id } })).toBe(0);
  });

  it.each([
    ["referredAt", () => ({ referredAt: "2026-03-02T08:00:00Z" }), /referredAt .* cannot be before performedAt/],
    ["referredAt", () => ({ referredAt: inTwoDays() }), /referredAt cannot be in the future/],
    ["reason", () => ({ reason: "  " }), /reason cannot be empty/],
    ["reason", () => ({ reason: "x".repeat(2001) }), /reason is longer than 2000/],
  ])("refuses a bad %s and writes nothing", async (field, overrides, message) => {
    const exam = await perform(await schedule());
    const res = await call(physician, REFER, {
      input: {
        examinationId: exam.id,
        target: "GENERAL_PRACTITIONER",
        referredAt: "2026-03-03T12:00:00Z",
        reason: "Opfølgning",
        ...overrides(),
      },
    });
    expectBadInput(res.body, field);
    expect(errorOf(res.body)?.message).toMatch(message);
    expect(await sg.client.onwardReferral.count({ where: { examinationId: exam.id } })).toBe(0);
  });
});

describe("federation", () => {
  const CASES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on BoernehusCase { id medicalExaminations { id kind } onwardReferrals { id target } } } }`;

  it("resolves the health part of many cases through _entities, in order, with [] for unknown ids", async () => {
    const a = randomUUID();
    const b = randomUUID();
    const a1 = await schedule({ caseId: a, kind: "INITIAL_ASSESSMENT", scheduledAt: "2026-03-01T08:00:00Z" });
    const a2 = await schedule({ caseId: a, kind: "FORENSIC", scheduledAt: "2026-03-02T09:00:00Z" });
    const b1 = await perform(await schedule({ caseId: b, kind: "PEDIATRIC" }));
    const referred = await call(physician, REFER, {
      input: { examinationId: b1.id, target: "PEDIATRICS", referredAt: "2026-03-04T10:00:00Z", reason: "Kontrol" },
    });
    const referralId = dataOf<{ id: string }>(referred.body, "referOnward").id;

    const res = await call(physician, CASES, {
      reps: await caseRefs(physician, [b, randomUUID(), a, "not-a-uuid", a.toUpperCase()]),
    });
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data?._entities as Array<{
      medicalExaminations: Array<{ id: string }>;
      onwardReferrals: Array<{ id: string }>;
    }>;
    expect(entities.map((e) => e.medicalExaminations.map((x) => x.id))).toEqual([[b1.id], [], [a1.id, a2.id], [], [a1.id, a2.id]]);
    expect(entities.map((e) => e.onwardReferrals.map((x) => x.id))).toEqual([[referralId], [], [], [], []]);
  });

  it("loads N cases with one SQL statement per list, not one per case", async () => {
    const caseIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of caseIds) await schedule({ caseId });
    const reads = vi.spyOn(sg.client.keyed, "rows");
    try {
      const res = await call(physician, CASES, { reps: await caseRefs(physician, caseIds) });
      expect(dataOf<unknown[]>(res.body, "_entities")).toHaveLength(3);
      expect(reads.mock.calls.map(([table]) => table).sort()).toEqual(["MedicalExamination", "OnwardReferral"]);
    } finally {
      reads.mockRestore();
    }
  });

  it("resolves MedicalExamination references, null for unknown ones", async () => {
    const exam = await schedule();
    const res = await call(
      physician,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on MedicalExamination { id status } } }`,
      { reps: [exam.id, randomUUID()].map((id) => ({ __typename: "MedicalExamination", id })) },
    );
    expect(res.body.data?._entities).toEqual([{ id: exam.id, status: "SCHEDULED" }, null]);
  });

  it("medicalExamination(id) answers NOT_FOUND for an unknown or malformed id, not an internal error", async () => {
    for (const id of [randomUUID(), "abc"]) {
      const res = await call(physician, `query($id: ID!) { medicalExamination(id: $id) { id } }`, { id });
      expect(res.body.data).toEqual({ medicalExamination: null });
      expect(res.body.errors).toHaveLength(1);
      expect(errorOf(res.body)?.extensions?.code).toBe("NOT_FOUND");
      expect(errorOf(res.body)?.path).toEqual(["medicalExamination"]);
    }
  });
});

describe("row level", () => {
  const HEALTH_PART = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on BoernehusCase { id medicalExaminations { id status } onwardReferrals { id target } } } }`;
  const EXAM_REF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on MedicalExamination { id status } } }`;
  const READ_ONE = `query($id: ID!) { medicalExamination(id: $id) { id status } }`;
  const coordinator: Principal = {
    sub: "persona:coordinator-hovedstaden",
    name: "Test Koordinator",
    sector: "BOERNEHUS",
    organisation: "HOVEDSTADEN",
    roles: ["coordinator"],
  };
  /** Not health care, though it names a health region's code: the sector counts too. */
  const notHealth: Principal = { ...investigator, sub: "persona:odd-region-h", organisation: "REGION_H" };

  /** A grant that looks right but was signed with a key that is not the børnehus's. */
  async function forgedGrant(principal: Principal, caseId: string): Promise<string> {
    const { privatePem, publicPem } = await generateGrantKeyPair();
    const keys = await grantKeysFromEnv({ SAMRAAD_GRANT_PUBLIC_KEY: publicPem, SAMRAAD_GRANT_PRIVATE_KEY: privatePem });
    return signCaseGrant({ caseId, sub: principal.sub, basis: "PARTICIPANT", municipalityCode: "0101", region: "HOVEDSTADEN" }, keys);
  }

  it("refuses each health field of a case without the børnehus's grant, with someone else's, another case's or a forged one", async () => {
    const exam = await perform(await schedule());
    const { caseId } = exam;
    const referred = await call(physician, REFER, {
      input: { examinationId: exam.id, target: "CHILD_PSYCHIATRY", referredAt: "2026-03-03T12:00:00Z", reason: "Tegn på traume." },
    });
    const referralId = dataOf<{ id: string }>(referred.body, "referOnward").id;
    const refusals = {
      none: await caseRef(physician, caseId, false),
      othersGrant: { ...(await caseRef(investigator, caseId)), id: caseId },
      otherCase: { ...(await caseRef(physician, randomUUID())), id: caseId },
      forged: { __typename: "BoernehusCase", id: caseId, accessGrant: await forgedGrant(physician, caseId) },
      garbage: { __typename: "BoernehusCase", id: caseId, accessGrant: "not-a-jwt" },
    };
    const fields = { medicalExaminations: "id status", onwardReferrals: "id target" };
    for (const [field, selection] of Object.entries(fields)) {
      const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { id ${field} { ${selection} } } } }`;
      for (const [what, rep] of Object.entries(refusals)) {
        const res = await call(physician, query, { reps: [rep] });
        expect(res.body.data?._entities, `${field} ${what}`).toEqual([null]);
        expect(res.body.errors, `${field} ${what}`).toHaveLength(1);
        expect(errorOf(res.body)?.extensions?.code, `${field} ${what}`).toBe("FORBIDDEN");
        expect(errorOf(res.body)?.path, `${field} ${what}`).toEqual(["_entities", 0, field]);
        expect(JSON.stringify(res.body), `${field} ${what}`).not.toContain(exam.id);
        expect(JSON.stringify(res.body), `${field} ${what}`).not.toContain(referralId);
      }
    }
    const entries = await sg.auditLog.entriesFor({ caseIds: [caseId], childIds: [] });
    expect(entries.some((e) => e.decision === "DENIED" && e.fieldPaths.includes("BoernehusCase.accessGrant"))).toBe(true);
    // The same request with the physician's own grant answers both.
    const granted = await call(physician, HEALTH_PART, { reps: [await caseRef(physician, caseId)] });
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data?._entities).toEqual([
      {
        id: caseId,
        medicalExaminations: [{ id: exam.id, status: "PERFORMED" }],
        onwardReferrals: [{ id: referralId, target: "CHILD_PSYCHIATRY" }],
      },
    ]);
  });

  it("refuses only the cases without a valid grant when many are asked at once", async () => {
    const [a, b] = [await schedule(), await schedule()];
    const reps = [await caseRef(physician, a.caseId), await caseRef(physician, b.caseId, false)];
    const res = await call(physician, HEALTH_PART, { reps });
    expect(res.body.data?._entities).toEqual([
      { id: a.caseId, medicalExaminations: [{ id: a.id, status: "SCHEDULED" }], onwardReferrals: [] },
      null,
    ]);
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.path?.[1]])).toEqual([["FORBIDDEN", 1]]);
  });

  it("with a grant, every participant sees the case's examinations, whatever their region or sector", async () => {
    const exam = await schedule();
    for (const p of [physician, physicianSj, investigator, caseworker, coordinator]) {
      const res = await call(p, HEALTH_PART, { reps: [await caseRef(p, exam.caseId)] });
      expect(res.body.errors, p.sub).toBeUndefined();
      expect(res.body.data?._entities, p.sub).toEqual([
        { id: exam.caseId, medicalExaminations: [{ id: exam.id, status: "SCHEDULED" }], onwardReferrals: [] },
      ]);
    }
  });

  it("answers an examination of another region, or for another sector, exactly like a missing one", async () => {
    const exam = await perform(await schedule());
    const missing = await call(physician, READ_ONE, { id: randomUUID() });
    for (const p of [physicianSj, investigator, policeLeader, caseworker, coordinator, notHealth]) {
      const res = await call(p, READ_ONE, { id: exam.id });
      expect(res.body.data, p.sub).toEqual({ medicalExamination: null });
      expect(errorOf(res.body)?.extensions?.code, p.sub).toBe("NOT_FOUND");
      expect(errorOf(res.body)?.message, p.sub).toBe(errorOf(missing.body)?.message);
      const ref = await call(p, EXAM_REF, { reps: [{ __typename: "MedicalExamination", id: exam.id }] });
      expect(ref.body.errors, p.sub).toBeUndefined();
      expect(ref.body.data?._entities, p.sub).toEqual([null]);
    }
    // The region that performs it still reads it both ways.
    expect((await call(physician, READ_ONE, { id: exam.id })).body.data?.medicalExamination).toEqual({ id: exam.id, status: "PERFORMED" });
    const own = await call(physician, EXAM_REF, { reps: [{ __typename: "MedicalExamination", id: exam.id }] });
    expect(own.body.data?._entities).toEqual([{ id: exam.id, status: "PERFORMED" }]);
  });

  it("a region schedules only in its own region, and then only it reads the examination directly", async () => {
    const input = {
      caseId: randomUUID(),
      kind: "SOMATIC",
      scheduledAt: SCHEDULED_AT,
      unit: "Rigshospitalet",
      hospitalRegion: "HOVEDSTADEN",
    };
    const before = await sg.client.medicalExamination.count();
    const elsewhere = await call(physicianSj, SCHEDULE, { input });
    expect(errorOf(elsewhere.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(elsewhere.body)?.path).toEqual(["scheduleMedicalExamination"]);
    expect(await sg.client.medicalExamination.count()).toBe(before);

    const own = await call(physicianSj, SCHEDULE, {
      input: { ...input, caseGrant: await testCaseGrant(physicianSj, input.caseId), unit: "Holbæk Sygehus", hospitalRegion: "SJAELLAND" },
    });
    expect(own.body.errors).toBeUndefined();
    const exam = dataOf<Exam>(own.body, "scheduleMedicalExamination");
    expect((await call(physicianSj, READ_ONE, { id: exam.id })).body.data?.medicalExamination).toEqual({
      id: exam.id,
      status: "SCHEDULED",
    });
    expect(errorOf((await call(physician, READ_ONE, { id: exam.id })).body)?.extensions?.code).toBe("NOT_FOUND");
  });

  it("lets only the region that performs an examination change it; to others it does not exist (issue 19)", async () => {
    const scheduled = await schedule();
    const performed = await perform(await schedule());
    const attempts: Array<[string, string, Record<string, unknown>]> = [
      [
        PERFORMED,
        "recordMedicalExaminationPerformed",
        { examinationId: scheduled.id, performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 1 },
      ],
      [CANCEL, "cancelMedicalExamination", { examinationId: scheduled.id, reason: "Aflyst", version: 1 }],
      [REFER, "referOnward", { examinationId: performed.id, target: "OTHER", referredAt: "2026-03-03T12:00:00Z", reason: "Opfølgning" }],
    ];
    for (const [mutation, field, input] of attempts) {
      const res = await call(physicianSj, mutation, { input });
      expect(errorOf(res.body)?.extensions?.code, field).toBe("NOT_FOUND");
      expect(errorOf(res.body)?.path, field).toEqual([field]);
    }
    expect(await sg.client.medicalExamination.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      status: "SCHEDULED",
      version: 1,
      findingsSummary: null,
      cancellationReason: null,
    });
    expect(await sg.client.onwardReferral.count({ where: { examinationId: performed.id } })).toBe(0);
    // An examination that does not exist is still NOT_FOUND, for any region.
    const unknown = await call(physicianSj, CANCEL, { input: { examinationId: randomUUID(), reason: "Aflyst", version: 1 } });
    expect(errorOf(unknown.body)?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("defence in depth: the need-to-know findings summary", () => {
  // Other sectors reach the examinations only through a case they may see, with the børnehus's grant.
  const THROUGH_CASE = (fields: string) =>
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { medicalExaminations { ${fields} } } } }`;
  const through = async (principal: Principal, caseId: string, fields: string) =>
    call(principal, THROUGH_CASE(fields), { reps: [await caseRef(principal, caseId)] });
  const entityOf = (body: Body) => dataOf<Array<{ medicalExaminations: unknown[] } | null>>(body, "_entities")[0];

  it("a police investigator with a grant for the case reads the findings summary but is refused the clinical details", async () => {
    const exam = await perform(await schedule());
    const res = await through(investigator, exam.caseId, "status findingsSummary clinicalDetails");
    expect(entityOf(res.body)?.medicalExaminations).toEqual([
      { status: "PERFORMED", findingsSummary: "Blå mærker på overarmene, forenelige med greb.", clinicalDetails: null },
    ]);
    expect(res.body.errors).toHaveLength(1);
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(res.body)?.path).toEqual(["_entities", 0, "medicalExaminations", 0, "clinicalDetails"]);
  });

  it("the investigator can no longer use the root field at all: NOT_FOUND, nothing of the examination", async () => {
    const exam = await perform(await schedule());
    const res = await call(investigator, `query($id: ID!) { medicalExamination(id: $id) { status findingsSummary } }`, { id: exam.id });
    expect(res.body.data).toEqual({ medicalExamination: null });
    expect(res.body.errors).toHaveLength(1);
    expect(errorOf(res.body)?.extensions?.code).toBe("NOT_FOUND");
    expect(JSON.stringify(res.body)).not.toContain("Blå mærker");
  });

  it("a municipality caseworker (with a grant) is refused the findings summary, and sees the shared status", async () => {
    const exam = await perform(await schedule());
    const res = await through(caseworker, exam.caseId, "status findingsSummary");
    expect(entityOf(res.body)?.medicalExaminations).toEqual([{ status: "PERFORMED", findingsSummary: null }]);
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(res.body)?.path).toEqual(["_entities", 0, "medicalExaminations", 0, "findingsSummary"]);
  });

  it("the need-to-know grant is the investigator's: a police leader, even with a case grant, is refused the findings summary", async () => {
    const exam = await perform(await schedule());
    const res = await through(policeLeader, exam.caseId, "findingsSummary");
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(res.body)?.path).toEqual(["_entities", 0, "medicalExaminations", 0, "findingsSummary"]);
    expect(JSON.stringify(res.body)).not.toContain("Blå mærker");
  });

  it("_entities is no way round: a caseworker is refused findings through the case, grant or not", async () => {
    const exam = await perform(await schedule());
    const withGrant = await through(caseworker, exam.caseId, "status findingsSummary");
    expect(errorOf(withGrant.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(withGrant.body)?.path).toEqual(["_entities", 0, "medicalExaminations", 0, "findingsSummary"]);
    const withoutGrant = await call(caseworker, THROUGH_CASE("status findingsSummary"), {
      reps: [await caseRef(caseworker, exam.caseId, false)],
    });
    expect(errorOf(withoutGrant.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(withoutGrant.body)).not.toContain("Blå mærker");
  });

  it("another sector is refused the onward referral's reason and every write", async () => {
    const exam = await perform(await schedule());
    await call(physician, REFER, {
      input: { examinationId: exam.id, target: "OTHER", referredAt: "2026-03-03T12:00:00Z", reason: "Fortroligt" },
    });
    const read = await through(investigator, exam.caseId, "onwardReferrals { target reason }");
    expect(JSON.stringify(read.body)).not.toContain("Fortroligt");
    expect(errorOf(read.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(read.body)?.path).toEqual(["_entities", 0, "medicalExaminations", 0, "onwardReferrals", 0, "reason"]);

    const before = await sg.client.medicalExamination.count();
    const write = await call(investigator, SCHEDULE, {
      input: { caseId: randomUUID(), kind: "FORENSIC", scheduledAt: SCHEDULED_AT, unit: "Rigshospitalet", hospitalRegion: "HOVEDSTADEN" },
    });
    expect(errorOf(write.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(write.body)?.path).toEqual(["scheduleMedicalExamination"]);
    expect(await sg.client.medicalExamination.count()).toBe(before);
  });

  it("refuses a request the gateway did not sign", async () => {
    const res = await fetch(sg.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(401);
  });
});

describe("seeding", () => {
  // Only the parts of a synthetic course the health seeder reads.
  const course = (caseId: string, exams: SyntheticCourse["medicalExaminations"], referrals: SyntheticCourse["onwardReferrals"]) =>
    ({ caseId, medicalExaminations: exams, onwardReferrals: referrals }) as unknown as SyntheticCourse;
  const exam = (kind: "INITIAL_ASSESSMENT" | "FORENSIC", performedAt: string | null) => ({
    id: randomUUID(),
    kind,
    scheduledAt: "2026-01-10T09:00:00Z",
    performedAt,
    unit: "Aarhus Universitetshospital, Børn og Unge",
    hospitalRegion: "MIDTJYLLAND" as const,
    physicianName: "Syntetisk Læge",
    findingsSummary: "Syntetisk fund.",
    clinicalDetails: "Syntetiske detaljer.",
  });

  it("writes examinations (status from performedAt) and onward referrals, readable through the case", async () => {
    const caseId = randomUUID();
    const performed = exam("FORENSIC", "2026-01-10T09:40:00Z");
    const scheduled = exam("INITIAL_ASSESSMENT", null);
    const referralId = randomUUID();
    await seedHealth(sg.client, [
      course(
        caseId,
        [performed, scheduled],
        [{ id: referralId, examinationId: performed.id, target: "CHILD_PSYCHIATRY", referredAt: "2026-01-12T09:00:00Z" }],
      ),
    ]);
    const rows = await sg.client.medicalExamination.findMany({ where: { caseId }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.status, r.findingsSummary])).toEqual([
      ["INITIAL_ASSESSMENT", "SCHEDULED", null],
      ["FORENSIC", "PERFORMED", "Syntetisk fund."],
    ]);
    const res = await call(
      physician,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { onwardReferrals { id caseId reason } } } }`,
      { reps: [await caseRef(physician, caseId)] },
    );
    const [entity] = dataOf<Array<{ onwardReferrals: Array<{ id: string; caseId: string; reason: string }> }>>(res.body, "_entities");
    expect(entity?.onwardReferrals).toMatchObject([{ id: referralId, caseId }]);
    expect(entity?.onwardReferrals[0]?.reason).toMatch(/psykiatrisk/);
  });

  it("writes a demo-sized world in one go", async () => {
    const courses = Array.from({ length: 3_000 }, () => {
      const performed = exam("FORENSIC", "2026-01-10T09:40:00Z");
      return course(
        randomUUID(),
        [performed, exam("INITIAL_ASSESSMENT", null)],
        [{ id: randomUUID(), examinationId: performed.id, target: "PEDIATRICS", referredAt: "2026-01-11T09:00:00Z" }],
      );
    });
    const before = await sg.client.medicalExamination.count();
    await seedHealth(sg.client, courses);
    expect(await sg.client.medicalExamination.count()).toBe(before + 6_000);
  });
});

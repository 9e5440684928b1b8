import { randomUUID } from "node:crypto";
import type { Principal } from "@samraad/access";
import { callSubgraph, runSubgraph, type SubgraphInstance } from "@samraad/subgraph-kit";
import type { SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { health } from "../src/app.ts";
import { seedHealth } from "../src/data/seed.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";

process.env.SAMRAAD_INTERNAL_SECRET ??= "test-secret-test-secret-test-secret-0123";

const physician: Principal = {
  sub: "persona:physician-rh",
  name: "Test Læge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};
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

let sg: SubgraphInstance<PrismaClient>;
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
  const res = await call(physician, SCHEDULE, {
    input: {
      caseId: randomUUID(),
      kind: "FORENSIC",
      scheduledAt: SCHEDULED_AT,
      unit: "Rigshospitalet, Børneafdelingen",
      hospitalRegion: "HOVEDSTADEN",
      ...overrides,
    },
  });
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
    const res = await call(physician, SCHEDULE, {
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

  it("answers NOT_FOUND for an unknown or malformed examination id", async () => {
    for (const examinationId of [randomUUID(), "exam-1"]) {
      const res = await call(physician, PERFORMED, {
        input: { examinationId, performedAt: PERFORMED_AT, findingsSummary: "Ingen fund.", version: 1 },
      });
      expect(errorOf(res.body)?.extensions?.code).toBe("NOT_FOUND");
    }
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
      reps: [b, randomUUID(), a, "not-a-uuid", a.toUpperCase()].map((id) => ({ __typename: "BoernehusCase", id })),
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
    const examinations = vi.spyOn(sg.client.medicalExamination, "findMany");
    const referrals = vi.spyOn(sg.client.onwardReferral, "findMany");
    try {
      const res = await call(physician, CASES, { reps: caseIds.map((id) => ({ __typename: "BoernehusCase", id })) });
      expect(dataOf<unknown[]>(res.body, "_entities")).toHaveLength(3);
      expect(examinations).toHaveBeenCalledTimes(1);
      expect(referrals).toHaveBeenCalledTimes(1);
    } finally {
      examinations.mockRestore();
      referrals.mockRestore();
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

  it("medicalExamination(id) answers null for an unknown or malformed id, not an error", async () => {
    for (const id of [randomUUID(), "abc"]) {
      const res = await call(physician, `query($id: ID!) { medicalExamination(id: $id) { id } }`, { id });
      expect(res.body).toEqual({ data: { medicalExamination: null } });
    }
  });
});

describe("defence in depth: the need-to-know findings summary", () => {
  const READ = `query($id: ID!) { medicalExamination(id: $id) { status findingsSummary clinicalDetails } }`;

  it("a police investigator reads the findings summary but is refused the clinical details", async () => {
    const exam = await perform(await schedule());
    const res = await call(investigator, READ, { id: exam.id });
    expect(res.body.data?.medicalExamination).toEqual({
      status: "PERFORMED",
      findingsSummary: "Blå mærker på overarmene, forenelige med greb.",
      clinicalDetails: null,
    });
    expect(res.body.errors).toHaveLength(1);
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(res.body)?.path).toEqual(["medicalExamination", "clinicalDetails"]);
  });

  it("a municipality caseworker is refused the findings summary, and sees the shared status", async () => {
    const exam = await perform(await schedule());
    const res = await call(caseworker, `query($id: ID!) { medicalExamination(id: $id) { status findingsSummary } }`, { id: exam.id });
    expect(res.body.data?.medicalExamination).toEqual({ status: "PERFORMED", findingsSummary: null });
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(res.body)?.path).toEqual(["medicalExamination", "findingsSummary"]);
  });

  it("the grant is the investigator's: a police leader is refused the findings summary", async () => {
    const exam = await perform(await schedule());
    const res = await call(policeLeader, `query($id: ID!) { medicalExamination(id: $id) { findingsSummary } }`, { id: exam.id });
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
  });

  it("_entities is no way round: a caseworker is refused findings through the case", async () => {
    const exam = await perform(await schedule());
    const res = await call(
      caseworker,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { medicalExaminations { status findingsSummary } } } }`,
      { reps: [{ __typename: "BoernehusCase", id: exam.caseId }] },
    );
    expect(errorOf(res.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(res.body)?.path).toEqual(["_entities", 0, "medicalExaminations", 0, "findingsSummary"]);
  });

  it("another sector is refused the onward referral's reason and every write", async () => {
    const exam = await perform(await schedule());
    await call(physician, REFER, {
      input: { examinationId: exam.id, target: "OTHER", referredAt: "2026-03-03T12:00:00Z", reason: "Fortroligt" },
    });
    const read = await call(investigator, `query($id: ID!) { medicalExamination(id: $id) { onwardReferrals { target reason } } }`, {
      id: exam.id,
    });
    expect(errorOf(read.body)?.extensions?.code).toBe("FORBIDDEN");
    expect(errorOf(read.body)?.path).toEqual(["medicalExamination", "onwardReferrals", 0, "reason"]);

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
      {
        reps: [{ __typename: "BoernehusCase", id: caseId }],
      },
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

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyntheticCourse } from "../../packages/synthetic/src/index.ts";
import { type GraphQLResponse, type Stack, startStack } from "../support/stack.ts";

/**
 * Issue 23.1: the child's and the family's motivation, recorded by the sector that owns the set
 * point, through the gateway over real HTTP, and who still cannot write or read it.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 120 });
}, 600_000);
afterAll(async () => stack?.stop());

const Q = {
  boernehus: `mutation($input: BoernehusMotivationInput!, $key: String) {
    recordBoernehusMotivation(input: $input, idempotencyKey: $key) { id setPoint childMotivation familyMotivation barriers otherBarrier recordedByName version }
  }`,
  municipality: `mutation($input: MunicipalityMotivationInput!, $grant: String) {
    recordMunicipalityMotivation(input: $input, caseGrant: $grant) { id setPoint barriers version }
  }`,
  grant: `query($id: ID!) { boernehusCase(id: $id) { writeGrant } }`,
  read: `query($id: ID!) { boernehusCase(id: $id) { id
    motivationRecords { setPoint childMotivation familyMotivation barriers otherBarrier }
    municipalityMotivationRecords { setPoint childMotivation familyMotivation barriers }
    measures { kind ladderStep legalBasis } } }`,
};
const ok = <T>(res: GraphQLResponse, name: string): T => {
  expect(res.errors, `${name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  return (res.data as Record<string, T>)[name] as T;
};
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

/** An open Copenhagen course in Hovedstaden with a planning samråd, a final note and an answer, that the coordinator, the caseworker and the investigator take part in. */
let course: SyntheticCourse;
const input = (over: Record<string, unknown> = {}) => ({
  caseId: course.caseId,
  setPoint: "PLANNING_SAMRAAD",
  childMotivation: "MIXED",
  familyMotivation: "LOW",
  barriers: ["PARENTAL_RESISTANCE", "LONG_COURSE"],
  ...over,
});

describe("motivation at the set points (issue 23.1)", () => {
  beforeAll(() => {
    const takesPart = (c: SyntheticCourse, sub: string) => c.participants.some((p) => p.sub === sub);
    course = stack.courseOf(
      "persona:coordinator-hovedstaden",
      (c) =>
        c.course.status === "FINAL_NOTE" &&
        c.recommendationResponses.length > 0 &&
        c.meetings.some((m) => m.kind === "PLANNING" && m.status !== "CANCELLED") &&
        takesPart(c, "persona:caseworker-kbh") &&
        takesPart(c, "persona:investigator-kbh"),
    );
  });

  it("the børnehus records its set point, a retry with the same key is the same record, and a replacement needs the version read", async () => {
    // The seeded world may hold the set point already (the synthetic records): then it is replaced.
    const seeded = (course.motivationRecords ?? []).some((r) => r.setPoint === "PLANNING_SAMRAAD");
    const v0 = seeded ? 1 : null;
    const input0 = input({ version: v0 });
    // A stale version (or none, where a record exists) is refused before anything changes.
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input({ version: 7 }) }))).toBe("CONFLICT");
    const first = ok<{ id: string; version: number; barriers: string[]; recordedByName: string }>(
      await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input0, key: "motivation-test-planning-1" }),
      "recordBoernehusMotivation",
    );
    expect(first).toMatchObject({
      version: (v0 ?? 0) + 1,
      barriers: ["LONG_COURSE", "PARENTAL_RESISTANCE"],
      recordedByName: "Camilla Berg",
    });
    const retry = ok<{ id: string; version: number }>(
      await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input0, key: "motivation-test-planning-1" }),
      "recordBoernehusMotivation",
    );
    expect(retry).toMatchObject({ id: first.id, version: first.version });
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input() }))).toBe("CONFLICT");
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input({ version: first.version - 1 }) }))).toBe(
      "CONFLICT",
    );
    const replaced = ok<{ id: string; version: number; familyMotivation: string }>(
      await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input({ familyMotivation: "MIXED", version: first.version }) }),
      "recordBoernehusMotivation",
    );
    expect(replaced).toMatchObject({ id: first.id, version: first.version + 1, familyMotivation: "MIXED" });
    // The municipality's set point is not the børnehus's; OTHER needs its words.
    expect(codeOf(await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input({ setPoint: "FOLLOW_UP" }) }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      codeOf(await stack.query("coordinator-hovedstaden", Q.boernehus, { input: input({ setPoint: "FINAL_NOTE", barriers: ["OTHER"] }) })),
    ).toBe("BAD_USER_INPUT");
  });

  it("the municipality records its set point only with the case's write grant; another municipality gets NOT_FOUND, and nothing changes", async () => {
    const m = stack.subgraphs.municipality.client;
    const stored = () =>
      m.motivationRecord.findUnique({ where: { caseId_setPoint: { caseId: course.caseId, setPoint: "RECOMMENDATION_RESPONSE" } } });
    const before = await stored();
    const own = input({ setPoint: "RECOMMENDATION_RESPONSE", barriers: ["TOO_MANY_PROFESSIONALS"], version: before?.version ?? null });
    expect(codeOf(await stack.query("caseworker-kbh", Q.municipality, { input: own, grant: null }))).toBe("NOT_FOUND");
    expect(codeOf(await stack.query("caseworker-frb", Q.municipality, { input: own, grant: "none" }))).toBe("NOT_FOUND");
    // Not even with a grant Copenhagen's caseworker fetched: it is bound to her.
    const grant = ok<{ writeGrant: string }>(
      await stack.query("caseworker-kbh", Q.grant, { id: course.caseId }),
      "boernehusCase",
    ).writeGrant;
    expect(codeOf(await stack.query("caseworker-frb", Q.municipality, { input: own, grant }))).toBe("NOT_FOUND");
    // The police and the børnehus may not write the municipality's motivation, nor the municipality the børnehus's.
    expect(codeOf(await stack.query("investigator-kbh", Q.municipality, { input: own, grant }))).toBeDefined();
    expect(codeOf(await stack.query("caseworker-kbh", Q.boernehus, { input: input({ setPoint: "FINAL_NOTE" }) }))).toBeDefined();
    expect(await stored()).toEqual(before);
    const recorded = ok<{ version: number; barriers: string[] }>(
      await stack.query("caseworker-kbh", Q.municipality, { input: own, grant }),
      "recordMunicipalityMotivation",
    );
    expect(recorded).toMatchObject({ version: (before?.version ?? 0) + 1, barriers: ["TOO_MANY_PROFESSIONALS"] });
    expect(await stored()).toMatchObject({ barriers: ["TOO_MANY_PROFESSIONALS"], recordedByName: "Mette Lund" });
  });

  it("the børnehus and the municipality read both sectors' records; the police and the analyst read neither", async () => {
    for (const persona of ["coordinator-hovedstaden", "caseworker-kbh"]) {
      const c = ok<{
        motivationRecords: Array<{ setPoint: string; familyMotivation: string }>;
        municipalityMotivationRecords: Array<{ setPoint: string; barriers: string[] }>;
        measures: Array<{ kind: string; legalBasis: string }>;
      }>(await stack.query(persona, Q.read, { id: course.caseId }), "boernehusCase");
      // The set points written above (beside any the seeded world holds), in the course's order.
      expect(c.motivationRecords[0], persona).toMatchObject({ setPoint: "PLANNING_SAMRAAD", familyMotivation: "MIXED" });
      expect(
        c.municipalityMotivationRecords.find((r) => r.setPoint === "RECOMMENDATION_RESPONSE"),
        persona,
      ).toMatchObject({ barriers: ["TOO_MANY_PROFESSIONALS"] });
      for (const measure of c.measures) expect(measure.legalBasis).toMatch(/^Barnets lov § \d+/);
    }
    // The investigator takes part in the case and reads the rest of it, but not the family's motivation.
    const police = await stack.query<{ boernehusCase: Record<string, unknown> | null }>("investigator-kbh", Q.read, { id: course.caseId });
    expect(police.data?.boernehusCase?.id).toBe(course.caseId);
    expect(police.data?.boernehusCase?.motivationRecords ?? null).toBeNull();
    expect(police.data?.boernehusCase?.municipalityMotivationRecords ?? null).toBeNull();
    expect(police.errors?.map((e) => e.extensions?.code)).toContain("UNAUTHORIZED");
    // Another municipality's caseworker does not see the case at all; the analyst reaches no case.
    const frb = await stack.query<{ boernehusCase: unknown }>("caseworker-frb", Q.read, { id: course.caseId });
    expect(frb.data?.boernehusCase ?? null).toBeNull();
    const analyst = await stack.query<{ boernehusCase: unknown }>("analyst-national", Q.read, { id: course.caseId });
    expect(analyst.data?.boernehusCase ?? null).toBeNull();
    expect(analyst.errors?.length).toBeGreaterThan(0);
  });
});

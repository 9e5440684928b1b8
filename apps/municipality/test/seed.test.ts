import { callSubgraph, runSubgraph, type SubgraphInstance } from "@samraad/subgraph-kit";
import { generateWorld } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { municipality } from "../src/app.ts";
import { seedMunicipality } from "../src/data/seed.ts";
import { normaliseCpr } from "../src/domain/cpr.ts";
import { ladderStep } from "../src/domain/measure.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { caseRef, coordinator, ok } from "./helpers.ts";

let sg: SubgraphInstance<PrismaClient>;
beforeAll(async () => {
  sg = await runSubgraph(municipality, { database: "test" });
});
afterAll(async () => sg?.stop());

describe("seeding the generated synthetic world", () => {
  const { courses } = generateWorld({ courses: 120, coursesPerYear: 200 });

  it("the generator's children, CPR numbers and measures pass the municipality's own rules", () => {
    for (const course of courses) {
      expect(normaliseCpr(course.child.cpr, course.child.birthDate)).toBe(course.child.cpr);
      for (const measure of course.measures) expect(ladderStep(measure.kind)).toBe(measure.ladderStep);
    }
  });

  it("writes every course, and serves the municipality's part of each", async () => {
    await seedMunicipality(sg.client, courses);
    expect(await sg.client.referral.count()).toBe(courses.length);
    expect(await sg.client.measure.count()).toBe(courses.reduce((n, c) => n + c.measures.length, 0));
    const res = await callSubgraph(
      sg.url,
      "municipality",
      coordinator,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { referral { id } measures { id } } } }`,
      { reps: await Promise.all(courses.map((c) => caseRef(coordinator, c.caseId))) },
    );
    const entities = ok<Array<{ referral: { id: string }; measures: Array<{ id: string }> }>>(res, "_entities");
    expect(entities.map((e) => e.referral.id)).toEqual(courses.map((c) => c.referral.id));
    expect(entities.map((e) => e.measures.length)).toEqual(courses.map((c) => c.measures.length));
  });
});

import { extractStatistics } from "@samraad/statistics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The extraction streams the sectors' pages into staging inside one transaction: a gateway
 * that refuses a page midway must leave the previous extraction's facts, and its asOf, as
 * they were, and leave nothing behind that would trouble the next extraction.
 */
const FIRST = new Date("2026-01-15T12:00:00Z");
const LATER = new Date("2026-02-15T12:00:00Z");
const PAGE_SIZE = 10;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ statistics: true, courses: 60, coursesPerYear: 30 });
}, 600_000);
afterAll(async () => stack?.stop());

function statisticsDb() {
  const s = stack.subgraphs.statistics;
  if (!s) throw new Error("the statistics service is not running");
  return s.client;
}

/** Everything an extraction writes, in a stable order. */
async function snapshot() {
  const db = statisticsDb();
  const [courses, assignments, runs] = await Promise.all([
    db.courseFact.findMany({ orderBy: { coursePseudonym: "asc" } }),
    db.assignmentFact.findMany({
      orderBy: [{ coursePseudonym: "asc" }, { caseworkerPseudonym: "asc" }, { fromOn: "asc" }],
      omit: { id: true },
    }),
    db.extractionRun.findMany({ orderBy: { finishedAt: "asc" } }),
  ]);
  return { courses, assignments, runs };
}

/** The extractor's token for the first `pages` requests, then one the gateway refuses. */
function tokenRefusedAfter(pages: number) {
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    token: async () => (++requests <= pages ? stack.token("statistics-extractor") : "not-a-token"),
  };
}

describe("the statistics extraction", () => {
  it("writes one course fact per børnehus course, with its assignments", async () => {
    const result = await extractStatistics({
      db: statisticsDb(),
      gatewayUrl: stack.gatewayUrl,
      token: () => stack.token("statistics-extractor"),
      pageSize: PAGE_SIZE,
      now: FIRST,
    });
    expect(result).toMatchObject({ courses: stack.world.courses.length, asOf: "2026-01-15" });
    const { courses, assignments, runs } = await snapshot();
    expect(courses).toHaveLength(stack.world.courses.length);
    expect(assignments).toHaveLength(result.assignments);
    expect(result.assignments).toBeGreaterThan(0);
    expect(runs.map((r) => r.courses)).toEqual([stack.world.courses.length]);
  });

  it("leaves the previous facts and asOf untouched when the gateway refuses a page midway", async () => {
    const before = await snapshot();
    const refusing = tokenRefusedAfter(8);
    await expect(
      extractStatistics({ db: statisticsDb(), gatewayUrl: stack.gatewayUrl, token: refusing.token, pageSize: PAGE_SIZE, now: LATER }),
    ).rejects.toThrow(/The gateway refused the statistics extraction/);
    // Sixty courses in pages of ten: eight pages went through (and into staging) before the refusal.
    expect(refusing.requests).toBeGreaterThan(8);
    expect(await snapshot()).toEqual(before);
    const table = await stack.query<{ statisticsTable: { asOf: string } }>(
      "analyst-national",
      `{ statisticsTable(year: 2025, level: NATIONAL) { asOf } }`,
    );
    expect(table.data?.statisticsTable.asOf).toBe("2026-01-15");
  });

  it("runs again after a failed extraction (its staging went with the rollback)", async () => {
    const result = await extractStatistics({
      db: statisticsDb(),
      gatewayUrl: stack.gatewayUrl,
      token: () => stack.token("statistics-extractor"),
      pageSize: PAGE_SIZE,
      now: LATER,
    });
    expect(result).toMatchObject({ courses: stack.world.courses.length, asOf: "2026-02-15" });
    const { runs } = await snapshot();
    expect(runs.map((r) => r.asOf.toISOString().slice(0, 10))).toEqual(["2026-01-15", "2026-02-15"]);
  });
});

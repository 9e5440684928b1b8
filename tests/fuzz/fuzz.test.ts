import { DEFAULT_LIMITS, loadTrustedDocuments, type TrustedDocuments } from "@samraad/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";
import { DEFAULT_FUZZ_PERSONAS, type FuzzReport, forbiddenStrings, runFuzz } from "./runner.ts";

/** The web app's registered operations (written by `npm run generate`): what production accepts from people. */
const WEB_MANIFEST = new URL("../../apps/web/src/generated/persisted-documents.json", import.meta.url).pathname;
// Generous rate limits: the point here is what each request gets, not the budget.
const limits = { ...DEFAULT_LIMITS, rateLimitPerWindow: 100_000, systemRateLimitPerWindow: 100_000 };

let stack: Stack;
let trustedDocuments: TrustedDocuments;
let productionUrl: string;
beforeAll(async () => {
  // Frederiksberg's caseworker's own courses and everyone else's: the fuzz tries both.
  stack = await startStack({ courses: 16, gateway: { limits } });
  trustedDocuments = loadTrustedDocuments(WEB_MANIFEST);
  productionUrl = (await stack.startGateway({ limits, production: true, trustedDocuments })).url;
});
afterAll(async () => stack?.stop());

// Bounded for the suite (`npm run bench -- --workloads fuzz` runs 100k with the same runner). FUZZ_RUNS / FUZZ_SEED to explore.
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const world = () => ({
  caseIds: stack.world.courses.map((c) => c.caseId),
  forbidden: forbiddenStrings(stack.world.courses, DEFAULT_FUZZ_PERSONAS),
});

function expectClean(report: FuzzReport) {
  const { runs, casesPerSecond, withData, byStatus } = report;
  console.info(`fuzz: ${runs} cases, ${casesPerSecond}/s, ${withData} with data, by status ${JSON.stringify(byStatus)}`);
  expect(report.failures, JSON.stringify(report.failures.slice(0, 5), null, 2)).toEqual([]);
  expect(report.violations).toEqual({});
  expect(report.runs).toBeGreaterThan(RUNS * 0.9);
}

describe("hostile input through the whole stack", () => {
  it("the open (development) gateway: never a 5xx, internals, an uncoded error or data beyond the principal's rights", async () => {
    const report = await runFuzz({ gatewayUrl: stack.gatewayUrl, token: stack.token, ...world() }, { runs: RUNS, seed: SEED });
    expectClean(report);
    // It reached every layer: answers with data, refusals at the door, refusals for shape, refused fields.
    expect(report.withData).toBeGreaterThan(0);
    expect(report.byStatus["200"]).toBeGreaterThan(0);
    expect(report.byStatus["401"]).toBeGreaterThan(0);
    expect(report.byStatus["400"]).toBeGreaterThan(0);
    expect(report.byCode.UNAUTHORIZED).toBeGreaterThan(0);
    expect(Object.keys(report.byCode).length).toBeGreaterThan(8);
    // The oracle knows cases the Frederiksberg caseworker must not see.
    expect(world().forbidden["caseworker-frb"]?.length).toBeGreaterThan(0);
  });

  it("a production gateway (trusted documents, no introspection): the same, with registered operations and hostile variables", async () => {
    const report = await runFuzz(
      { gatewayUrl: productionUrl, token: stack.token, trustedDocuments, production: true, ...world() },
      { runs: RUNS, seed: SEED === undefined ? undefined : SEED + 1 },
    );
    expectClean(report);
    expect(report.withData).toBeGreaterThan(0);
    expect(report.byKind["registered operation"]).toBeGreaterThan(0);
    // People's own documents are refused; sector systems' pass (and are judged like the rest).
    expect(report.byCode.TRUSTED_DOCUMENT_REQUIRED).toBeGreaterThan(0);
    expect(report.byCode.PERSISTED_QUERY_NOT_FOUND).toBeGreaterThan(0);
  });
});

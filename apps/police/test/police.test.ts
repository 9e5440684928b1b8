import { randomUUID } from "node:crypto";
import {
  generateInternalKeyPair,
  INTERNAL_TOKEN_HEADER,
  internalSigningKey,
  type Principal,
  scopesFor,
  signInternalToken,
} from "@samraad/access";
import {
  callSubgraph,
  runSubgraph,
  type SubgraphInstance,
  testCaseGrant,
  testCustodyStatement,
  testInternalSigningKey,
} from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { police } from "../src/app.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";

process.env.SAMRAAD_INTERNAL_SECRET ??= "test-secret-test-secret-test-secret-0123";

const investigator: Principal = {
  sub: "persona:investigator-kbh",
  name: "Test Efterforsker",
  sector: "POLICE",
  organisation: "KBH",
  roles: ["investigator"],
};
const physician: Principal = {
  sub: "persona:physician-rh",
  name: "Test Læge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};

let sg: SubgraphInstance<PrismaClient>;
const call = (principal: Principal, query: string, variables?: Record<string, unknown>) =>
  callSubgraph(sg.url, "police", principal, query, variables);

const FILE = `mutation($input: FilePoliceReportInput!) { filePoliceReport(input: $input) { id journalNumber district investigationStatus } }`;
const BOOK = `mutation($input: BookVideoInterviewInput!) { bookVideoInterview(input: $input) { id status scheduledAt version } }`;

async function fileReport(caseId = randomUUID(), journal = `0100-${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}-00001-26`) {
  const res = await call(investigator, FILE, {
    input: {
      caseId,
      caseGrant: await testCaseGrant(investigator, caseId),
      journalNumber: journal,
      district: "kbh",
      reportedAt: "2026-03-01T09:00:00Z",
    },
  });
  expect(res.body.errors).toBeUndefined();
  return { caseId, report: res.body.data?.filePoliceReport as { id: string; district: string } };
}

beforeAll(async () => {
  sg = await runSubgraph(police, { database: "test" });
});
afterAll(async () => sg?.stop());

describe("police reports", () => {
  it("files a report and normalises the district", async () => {
    const { report } = await fileReport();
    expect(report.district).toBe("KBH");
  });

  it("refuses a malformed journal number with an actionable error and writes nothing", async () => {
    const before = await sg.client.policeReport.count();
    const res = await call(investigator, FILE, {
      input: { caseId: randomUUID(), journalNumber: "abc", district: "KBH", reportedAt: "2026-03-01T09:00:00Z" },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/journalNumber must look like/);
    expect(await sg.client.policeReport.count()).toBe(before);
  });

  it("refuses an illegal investigation decision", async () => {
    const { report } = await fileReport();
    const decide = `mutation($input: RecordInvestigationDecisionInput!) { recordInvestigationDecision(input: $input) { investigationStatus } }`;
    const ok = await call(investigator, decide, {
      input: { policeReportId: report.id, status: "DROPPED", decidedAt: "2026-04-01T09:00:00Z" },
    });
    expect(ok.body.data?.recordInvestigationDecision).toEqual({ investigationStatus: "DROPPED" });
    const again = await call(investigator, decide, {
      input: { policeReportId: report.id, status: "CHARGED", decidedAt: "2026-04-02T09:00:00Z" },
    });
    expect(again.body.errors?.[0]?.extensions?.code).toBe("INVALID_STATE_TRANSITION");
  });
});

describe("video interviews", () => {
  it("a custody holder's objection (the municipality's statement) blocks the booking and nothing is written", async () => {
    const { caseId, report } = await fileReport();
    const custodyStatement = await testCustodyStatement(investigator, caseId, true);
    const input = { policeReportId: report.id, scheduledAt: "2026-03-05T10:00:00Z", custodyStatement };
    // The client's "consent given" and the old flag count for nothing against the statement.
    for (const extra of [{ custodyConsent: "GIVEN" }, { custodyConsent: "OBJECTED", objectionOverridden: true }]) {
      const res = await call(investigator, BOOK, { input: { ...input, ...extra } });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("CUSTODY_OBJECTION");
    }
    expect(await sg.client.videoInterview.count({ where: { policeReportId: report.id } })).toBe(0);
    // Without a statement, with another principal's, or another case's: STATEMENT_INVALID.
    for (const statement of [
      undefined,
      await testCustodyStatement(physician, caseId, false),
      await testCustodyStatement(investigator, randomUUID(), false),
    ]) {
      const res = await call(investigator, BOOK, { input: { ...input, custodyStatement: statement } });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "STATEMENT_INVALID", field: "custodyStatement" });
    }
    const overridden = await call(investigator, BOOK, {
      input: { ...input, objectionOverride: { legalBasis: "OBJECTOR_IS_SUSPECT", reason: "Den indsigende forælder er mistænkt." } },
    });
    expect(overridden.body.data?.bookVideoInterview).toMatchObject({ status: "BOOKED", version: 1 });
  });

  it("refuses an interview scheduled before the report", async () => {
    const { caseId, report } = await fileReport();
    const res = await call(investigator, BOOK, {
      input: {
        policeReportId: report.id,
        scheduledAt: "2026-02-01T10:00:00Z",
        custodyStatement: await testCustodyStatement(investigator, caseId, false),
      },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "scheduledAt" });
  });

  it("a stale version gets CONFLICT, not a silent overwrite", async () => {
    const { caseId, report } = await fileReport();
    const booked = await call(investigator, BOOK, {
      input: {
        policeReportId: report.id,
        scheduledAt: "2026-03-05T10:00:00Z",
        custodyStatement: await testCustodyStatement(investigator, caseId, false),
      },
    });
    const id = (booked.body.data as { bookVideoInterview: { id: string } }).bookVideoInterview.id;
    const held = `mutation($input: RecordVideoInterviewHeldInput!) { recordVideoInterviewHeld(input: $input) { status version observers } }`;
    const first = await call(investigator, held, {
      input: { interviewId: id, heldAt: "2026-03-05T10:30:00Z", observers: ["MUNICIPALITY", "BOERNEHUS"], version: 1 },
    });
    expect(first.body.data?.recordVideoInterviewHeld).toEqual({ status: "HELD", version: 2, observers: ["MUNICIPALITY", "BOERNEHUS"] });
    const stale = await call(
      investigator,
      `mutation($input: CancelVideoInterviewInput!) { cancelVideoInterview(input: $input) { status } }`,
      {
        input: { interviewId: id, reason: "Syg", version: 1 },
      },
    );
    expect(stale.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});

/** The hub as the gateway's query plan sends it: with the børnehus subgraph's access grant. */
async function caseRef(principal: Principal, caseId: string, grant = true) {
  return { __typename: "BoernehusCase", id: caseId, accessGrant: grant ? await testCaseGrant(principal, caseId) : null };
}
const CASE_PART = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { id policeReport { id district } } } }`;

describe("federation", () => {
  it("resolves the police part of many cases through _entities", async () => {
    const a = await fileReport();
    const b = await fileReport();
    const reps = await Promise.all([a.caseId, b.caseId, randomUUID()].map((id) => caseRef(physician, id)));
    const res = await call(physician, CASE_PART, { reps });
    const entities = res.body.data?._entities as Array<{ policeReport: { id: string } | null }>;
    expect(entities.map((e) => e.policeReport?.id ?? null)).toEqual([a.report.id, b.report.id, null]);
  });
});

describe("row level", () => {
  it("refuses the police part of a case without the børnehus's grant, or with someone else's", async () => {
    const { caseId } = await fileReport();
    const without = await call(physician, CASE_PART, { reps: [await caseRef(physician, caseId, false)] });
    expect(without.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const othersGrant = await call(physician, CASE_PART, { reps: [await caseRef(investigator, caseId)] });
    expect(othersGrant.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const otherCase = { ...(await caseRef(physician, randomUUID())), id: caseId };
    expect((await call(physician, CASE_PART, { reps: [otherCase] })).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("answers a report of another district, or for another sector, as not found", async () => {
    const { report } = await fileReport();
    const otherDistrict: Principal = { ...investigator, sub: "persona:test-inv-fyn", organisation: "FYN" };
    for (const p of [otherDistrict, physician]) {
      const res = await call(p, `query($id: ID!) { policeReport(id: $id) { id } }`, { id: report.id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it("lets only the district that owns a report change it; to others it does not exist", async () => {
    const { report } = await fileReport();
    const otherDistrict: Principal = { ...investigator, sub: "persona:test-inv-fyn", organisation: "FYN" };
    const res = await call(otherDistrict, BOOK, {
      input: { policeReportId: report.id, scheduledAt: "2026-03-05T10:00:00Z", custodyConsent: "GIVEN" },
    });
    // Another district's report is answered like one that does not exist (issue 19).
    expect(res.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const absent = await call(otherDistrict, BOOK, {
      input: { policeReportId: randomUUID(), scheduledAt: "2026-03-05T10:00:00Z", custodyConsent: "GIVEN" },
    });
    expect(res.body.errors?.[0]?.message).toBe(absent.body.errors?.[0]?.message);
    // Filing for another district names that district in the caller's own input: FORBIDDEN reveals nothing.
    const filed = await call(otherDistrict, FILE, {
      input: { caseId: randomUUID(), journalNumber: "0100-12345-99999-26", district: "KBH", reportedAt: "2026-03-01T09:00:00Z" },
    });
    expect(filed.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("defence in depth", () => {
  it("re-checks field rules: a physician cannot read the suspect, even with a signed request", async () => {
    const { caseId } = await fileReport();
    const res = await call(
      physician,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { policeReport { district suspects { name } } } } }`,
      {
        reps: [await caseRef(physician, caseId)],
      },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(res.body.errors?.[0]?.path).toEqual(["_entities", 0, "policeReport", "suspects"]);
  });

  it("records every read and every refusal in the audit log, with paths but never values", async () => {
    const journal = "0100-55555-00042-26";
    const { caseId } = await fileReport(undefined, journal);
    await call(
      physician,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on BoernehusCase { policeReport { journalNumber district suspects { name } } } } }`,
      {
        reps: [await caseRef(physician, caseId)],
      },
    );
    const entries = await sg.auditLog.entriesFor({ caseIds: [caseId], childIds: [] });
    const read = entries.find((e) => e.actorSub === physician.sub && e.decision === "ALLOWED");
    const denied = entries.find((e) => e.actorSub === physician.sub && e.decision === "DENIED");
    expect(read).toMatchObject({ action: "READ", actorSector: "HEALTH", purpose: "CASEWORK" });
    expect(read?.fieldPaths).toContain("PoliceReport.district");
    expect(denied?.fieldPaths).toEqual(["PoliceReport.suspects"]);
    expect(JSON.stringify(entries)).not.toContain(journal); // paths, never values
    expect(entries.find((e) => e.action === "WRITE")?.actorSub).toBe(investigator.sub);
    expect(await sg.auditLog.verify()).toMatchObject({ ok: true });
  });

  it("refuses forged, tampered, wrong-audience, expired and replayed requests", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const headers = new Map<number, Headers>();
    const post = (token: string, sent = body) =>
      fetch(sg.url, { method: "POST", headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token }, body: sent }).then(
        (r) => {
          headers.set(r.status, r.headers);
          return r.status;
        },
      );
    const key = await testInternalSigningKey(); // the gateway's
    const sign = (over: Partial<Parameters<typeof signInternalToken>[0]> = {}) =>
      signInternalToken({
        principal: investigator,
        scopes: scopesFor(investigator),
        audience: "police",
        body,
        requestId: "r",
        key,
        ...over,
      });
    const good = await sign();
    expect(await post(good)).toBe(200);
    expect(await post(good)).toBe(401); // replayed
    expect(await post(await sign(), JSON.stringify({ query: "{ policeReport(id: 1) { id } }" }))).toBe(401); // tampered
    expect(await post(await sign({ audience: "health" }))).toBe(401); // minted for another subgraph
    expect(await post(await sign({ issuedAt: Math.floor(Date.now() / 1000) - 120 }))).toBe(401); // expired
    const attacker = await internalSigningKey(generateInternalKeyPair().privatePem); // not the gateway's key
    expect(await post(await sign({ key: attacker }))).toBe(401); // forged
    const entities = JSON.stringify({ query: `{ _entities(representations: [{__typename: "BoernehusCase", id: "x"}]) { __typename } }` });
    const forgedEntities = await signInternalToken({
      principal: investigator,
      scopes: ["samraad"],
      audience: "police",
      body: entities,
      requestId: "r",
      key: attacker,
    });
    expect(await post(forgedEntities, entities)).toBe(401);
    // Neither an answer nor a refusal may be kept by a cache on the way.
    expect(headers.get(200)?.get("cache-control")).toBe("no-store");
    expect(headers.get(401)?.get("cache-control")).toBe("no-store");
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

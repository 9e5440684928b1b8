import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Principal } from "@samraad/access";
import { AlertStore, createAlertWorker, SIGNATURE_HEADER, verifySignature } from "@samraad/alerts";
import { addCalendarDays, addCalendarMonths, clockSettings, fixedTime } from "@samraad/clocks";
import { ConfigError, parseConfig } from "@samraad/config";
import type { SubgraphInstance } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MunicipalityConfig, municipalityEnvironment } from "../src/config.ts";
import { scanMunicipalityAlerts } from "../src/data/alertScan.ts";
import type { FollowUpFactSource } from "../src/data/followUpFacts.ts";
import { followUpFactSources } from "../src/data/followUpFacts.ts";
import type { FollowUpFact } from "../src/domain/alerts.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { caller, caseworker, caseworker0147, firstError, ok, startMunicipality, syntheticCpr } from "./helpers.ts";

// The test receivers listen on this machine: an operator would allow such a network by name.
process.env.SAMRAAD_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.1/32";

/**
 * The follow-up alert in the municipality subgraph alone: the børnehus's facts come from a
 * stand-in for the gateway (tests/alerts covers the real path), the rest from its own rows.
 */
const SENT = new Date("2026-01-15T10:00:00Z");
/** Ten days before the six months run out: DUE_SOON. */
const NOW = addCalendarDays(addCalendarMonths(SENT, 6), -10);

const colleague: Principal = { ...caseworker, sub: "persona:caseworker-0101-2", name: "Tidligere Rådgiver" };
const leader: Principal = { ...caseworker, sub: "persona:leader-0101", roles: ["leader"] };
const system: Principal = { ...caseworker, sub: "persona:system-0101", roles: ["system"] };

let sg: SubgraphInstance<PrismaClient, MunicipalityConfig>;
const call = caller(() => sg);

/** A referred case with its caseworkers (the first handed it on), and what the børnehus knows of its note. */
async function referredCase(municipalityCode: string, current: Principal, options: { measure?: boolean } = {}) {
  const caseId = randomUUID();
  const recommendationId = randomUUID();
  const child = await sg.client.child.create({
    data: {
      cpr: syntheticCpr("2015-04-01"),
      firstName: "Test",
      lastName: "Barn",
      birthDate: new Date("2015-04-01"),
      gender: "GIRL",
      municipalityCode,
    },
  });
  await sg.client.referral.create({
    data: {
      caseId,
      childId: child.id,
      municipalityCode,
      boernehusRegion: "HOVEDSTADEN",
      referredAt: new Date("2025-09-01T09:00:00Z"),
      suspicionOrKnowledge: true,
      childAssessmentDecided: true,
      otherSectorInvolved: false,
      abuseTypes: ["PHYSICAL"],
      policeReportFiled: false,
    },
  });
  await sg.client.caseworkerAssignment.createMany({
    data: [
      {
        caseId,
        caseworkerSub: colleague.sub,
        caseworkerName: colleague.name,
        from: new Date("2025-09-01T09:00:00Z"),
        to: new Date("2025-12-01T09:00:00Z"),
      },
      { caseId, caseworkerSub: current.sub, caseworkerName: current.name, from: new Date("2025-12-01T09:00:00Z"), to: null },
    ],
  });
  if (options.measure) {
    const measure = await sg.client.measure.create({
      data: { caseId, kind: "FAMILY_TREATMENT", decidedAt: new Date("2026-02-01T09:00:00Z") },
    });
    await sg.client.recommendationResponse.create({
      data: {
        recommendationId,
        caseId,
        response: "MEASURE",
        measureId: measure.id,
        respondedAt: new Date("2026-02-01T09:00:00Z"),
        respondedBySub: current.sub,
        respondedByName: current.name,
      },
    });
  }
  const fact: FollowUpFact = { caseId, finalNoteSentAt: SENT, recommendationIds: [recommendationId] };
  return { caseId, fact };
}

/** A sector system's receiver: fails the first `failures` calls with 500, then answers 204. */
function receiver(failures: number) {
  const calls: Array<{ body: string; signature: string | undefined }> = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    calls.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers[SIGNATURE_HEADER] as string | undefined });
    res.statusCode = calls.length <= failures ? 500 : 204;
    res.end();
  });
  return {
    calls,
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/samraad`;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const MY_ALERTS = `{ myMunicipalityAlerts { id kind caseId subjectId dueAt readAt acknowledgedAt } }`;
type AlertView = { id: string; kind: string; caseId: string; subjectId: string; dueAt: string; acknowledgedAt: string | null };
const myAlerts = async (p: Principal) => ok<AlertView[]>(await call(p, MY_ALERTS), "myMunicipalityAlerts");

beforeAll(async () => {
  sg = await startMunicipality();
});
afterAll(async () => sg?.stop());

describe("the follow-up alert", () => {
  const hook = receiver(1);
  let secret: string;
  let open: { caseId: string; fact: FollowUpFact };
  let decided: { caseId: string; fact: FollowUpFact };
  let elsewhere: { caseId: string; fact: FollowUpFact };
  let worker: ReturnType<typeof createAlertWorker>;

  beforeAll(async () => {
    const url = await hook.start();
    secret = ok<{ secret: string }>(
      await call(
        leader,
        `mutation($url: String!, $key: String) { registerMunicipalityWebhookEndpoint(url: $url, idempotencyKey: $key) { endpoint { id url } secret } }`,
        { url, key: randomUUID() },
      ),
      "registerMunicipalityWebhookEndpoint",
    ).secret;
    open = await referredCase("0101", caseworker);
    decided = await referredCase("0101", caseworker, { measure: true });
    elsewhere = await referredCase("0147", caseworker0147);
    const facts: FollowUpFactSource = async () => [open.fact, decided.fact, elsewhere.fact];
    worker = createAlertWorker({
      store: new AlertStore(sg.client, sg.config.webhookEndpoints),
      scanName: "municipality-alerts",
      scan: (now) => scanMunicipalityAlerts(sg.client, clockSettings(fixedTime(NOW)), now, facts),
      policy: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5, timeoutMs: 5_000, leaseMs: 30_000, batchSize: 10 },
      now: () => NOW,
    });
    await worker.runOnce(NOW);
  });
  afterAll(async () => hook.stop());

  it("fires for the current caseworker of the owning municipality, not when a measure is decided, once", async () => {
    const mine = await myAlerts(caseworker);
    expect(mine).toEqual([expect.objectContaining({ kind: "FOLLOW_UP_DUE", caseId: open.caseId, subjectId: open.caseId })]);
    expect(mine[0]?.dueAt).toBe(addCalendarMonths(SENT, 6).toISOString());
    // The Frederiksberg caseworker has their own, and never København's.
    expect((await myAlerts(caseworker0147)).map((a) => a.caseId)).toEqual([elsewhere.caseId]);
    // The caseworker who handed the case on, and the leader, get nothing.
    expect(await myAlerts(colleague)).toEqual([]);
    expect(await myAlerts(leader)).toEqual([]);
    // Later rounds raise nothing new.
    expect((await worker.runOnce(addCalendarDays(NOW, 1))).raised).toBe(0);
    expect(await myAlerts(caseworker)).toHaveLength(1);
  });

  it("is not raised before the warning span, nor as history a month after the due date", async () => {
    const facts: FollowUpFactSource = async () => [open.fact, elsewhere.fact];
    expect(await scanMunicipalityAlerts(sg.client, clockSettings(fixedTime(NOW)), addCalendarDays(NOW, -40), facts)).toEqual([]);
    expect(await scanMunicipalityAlerts(sg.client, clockSettings(fixedTime(NOW)), addCalendarDays(NOW, 45), facts)).toEqual([]);
  });

  it("is delivered, signed, to the municipality's system and logged for its leaders and system only", async () => {
    await worker.runOnce(new Date(NOW.getTime() + 1_000)); // the retry after the first 500 (if no later round made it)
    expect(hook.calls).toHaveLength(2);
    const event = JSON.parse(hook.calls[1]?.body as string) as Record<string, unknown>;
    expect(event).toMatchObject({ kind: "FOLLOW_UP_DUE", caseId: open.caseId, sector: "MUNICIPALITY", organisation: "0101" });
    const signature = hook.calls[1]?.signature as string;
    const signedAt = new Date(Number(/t=(\d+)/.exec(signature)?.[1]) * 1000);
    expect(verifySignature(secret, hook.calls[1]?.body as string, signature, signedAt)).toBe(true);
    expect(verifySignature("whsec_wrong", hook.calls[1]?.body as string, signature, signedAt)).toBe(false);
    const log = ok<Array<{ caseId: string; status: string }>>(
      await call(system, `{ municipalityWebhookDeliveries { caseId kind status } }`),
      "municipalityWebhookDeliveries",
    );
    expect(log).toEqual([expect.objectContaining({ caseId: open.caseId, status: "DELIVERED" })]);
    expect(firstError(await call(caseworker, `{ municipalityWebhookDeliveries { id } }`)).code).toBe("FORBIDDEN");
  });

  it("is read and acknowledged per person", async () => {
    const [alert] = await myAlerts(caseworker);
    const acked = ok<{ acknowledgedAt: string | null }>(
      await call(
        caseworker,
        `mutation($id: ID!) { acknowledgeMunicipalityAlert(id: $id, idempotencyKey: "ack-follow-up-1") { acknowledgedAt } }`,
        {
          id: alert?.id,
        },
      ),
      "acknowledgeMunicipalityAlert",
    );
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(await myAlerts(caseworker)).toEqual([]);
    // Another municipality's caseworker cannot mark it.
    const foreign = await call(caseworker0147, `mutation($id: ID!) { markMunicipalityAlertRead(id: $id) { id } }`, { id: alert?.id });
    expect(firstError(foreign).code).toBe("NOT_FOUND");
  });

  it("skips, with a reason, when the gateway is not configured", () => {
    expect(followUp({}).skipped).toBe("SAMRAAD_GATEWAY_URL is not set");
    expect(followUp({ SAMRAAD_GATEWAY_URL: "http://127.0.0.1:1/graphql", NODE_ENV: "production" }).skipped).toBe(
      "neither SAMRAAD_MUNICIPALITY_ALERT_CLIENTS nor SAMRAAD_MUNICIPALITY_ALERT_TOKENS is set",
    );
    // Client credentials need the token endpoint too: the start stops, naming it; with it, a source.
    expect(() =>
      followUp({ SAMRAAD_GATEWAY_URL: "http://127.0.0.1:1/graphql", SAMRAAD_MUNICIPALITY_ALERT_CLIENTS: "alerts-kbh:s" }),
    ).toThrow(ConfigError);
    expect(() =>
      followUp({ SAMRAAD_GATEWAY_URL: "http://127.0.0.1:1/graphql", SAMRAAD_MUNICIPALITY_ALERT_CLIENTS: "alerts-kbh:s" }),
    ).toThrow(/SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL must be set with SAMRAAD_MUNICIPALITY_ALERT_CLIENTS/);
    expect(() => followUp({ SAMRAAD_MUNICIPALITY_ALERT_CLIENTS: "alerts-kbh" })).toThrow(
      /SAMRAAD_MUNICIPALITY_ALERT_CLIENTS must be client_id:client_secret pairs separated by commas/,
    );
    expect(
      followUp({
        SAMRAAD_GATEWAY_URL: "http://127.0.0.1:1/graphql",
        NODE_ENV: "production",
        SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL: "http://127.0.0.1:1/token",
        SAMRAAD_MUNICIPALITY_ALERT_CLIENTS: "alerts-kbh:s,alerts-frb:t",
      }).source,
    ).not.toBeNull();
    expect(followUp({ SAMRAAD_GATEWAY_URL: "http://127.0.0.1:1/graphql", SAMRAAD_MUNICIPALITY_ALERT_TOKENS: "a,b" }).source).not.toBeNull();
  });
});

/** The alert worker's sources as the municipality's parsed config gives them (this process's test keys, plus `vars`). */
function followUp(vars: Record<string, string>) {
  const keys = [
    "SAMRAAD_INTERNAL_PUBLIC_KEYS",
    "SAMRAAD_GRANT_PUBLIC_KEY",
    "SAMRAAD_STATEMENT_PUBLIC_KEY",
    "SAMRAAD_STATEMENT_PRIVATE_KEY",
  ];
  return followUpFactSources(
    parseConfig(municipalityEnvironment, { ...Object.fromEntries(keys.map((name) => [name, process.env[name]])), ...vars }).followUp,
  );
}

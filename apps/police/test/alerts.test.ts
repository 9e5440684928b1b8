import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Principal } from "@samraad/access";
import { AlertStore, createAlertWorker, SIGNATURE_HEADER, verifySignature } from "@samraad/alerts";
import { clockSettings, fixedTime } from "@samraad/clocks";
import { callSubgraph, runSubgraph, type SubgraphInstance, testCaseGrant, testCustodyStatement } from "@samraad/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { police } from "../src/app.ts";
import type { PoliceConfig } from "../src/config.ts";
import { scanPoliceAlerts } from "../src/data/alertScan.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";

process.env.SAMRAAD_INTERNAL_SECRET ??= "test-secret-test-secret-test-secret-0123";
// The test receivers listen on this machine: an operator would allow such a network by name.
process.env.SAMRAAD_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.1/32";

const person = (id: string, sector: Principal["sector"], organisation: string, roles: Principal["roles"]): Principal => ({
  sub: `persona:${id}`,
  name: id,
  sector,
  organisation,
  roles,
});
const investigator = person("investigator-kbh", "POLICE", "KBH", ["investigator"]);
const colleague = person("investigator-kbh-2", "POLICE", "KBH", ["investigator"]);
const otherDistrict = person("investigator-fyn", "POLICE", "FYN", ["investigator"]);
const leader = person("leader-police-kbh", "POLICE", "KBH", ["leader"]);
const system = person("system-police-kbh", "POLICE", "KBH", ["system"]);
const caseworker = person("caseworker-frb", "MUNICIPALITY", "0147", ["caseworker"]);

const REPORTED = new Date("2026-03-02T09:00:00Z");
/** Eight days after the report: the interview's week ran out yesterday. */
const NOW = new Date("2026-03-10T10:00:00Z");

let sg: SubgraphInstance<PrismaClient, PoliceConfig>;
const call = (principal: Principal, query: string, variables?: Record<string, unknown>) =>
  callSubgraph(sg.url, "police", principal, query, variables);
const ok = <T>(res: Awaited<ReturnType<typeof call>>, field: string): T => {
  expect(res.body.errors).toBeUndefined();
  return (res.body.data as Record<string, T>)[field] as T;
};

async function report(district: string, options: { book: boolean; hold?: boolean }) {
  const caseId = randomUUID();
  const filer = district === "KBH" ? investigator : otherDistrict;
  const filed = ok<{ id: string }>(
    await call(filer, `mutation($input: FilePoliceReportInput!) { filePoliceReport(input: $input) { id } }`, {
      input: {
        caseId,
        caseGrant: await testCaseGrant(filer, caseId),
        journalNumber: `0100-${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}-00001-26`,
        district,
        reportedAt: REPORTED.toISOString(),
      },
    }),
    "filePoliceReport",
  );
  if (options.book) {
    const booked = ok<{ id: string; version: number }>(
      await call(filer, `mutation($input: BookVideoInterviewInput!) { bookVideoInterview(input: $input) { id version } }`, {
        input: {
          policeReportId: filed.id,
          scheduledAt: "2026-03-06T09:00:00Z",
          custodyStatement: await testCustodyStatement(filer, caseId, false),
        },
      }),
      "bookVideoInterview",
    );
    if (options.hold) {
      ok(
        await call(filer, `mutation($input: RecordVideoInterviewHeldInput!) { recordVideoInterviewHeld(input: $input) { id } }`, {
          input: { interviewId: booked.id, heldAt: "2026-03-06T09:30:00Z", observers: ["POLICE"], version: booked.version },
        }),
        "recordVideoInterviewHeld",
      );
    }
  }
  return { caseId, reportId: filed.id };
}

const MY_ALERTS = `query($all: Boolean) { myPoliceAlerts(unacknowledgedOnly: $all) { id kind caseId subjectId dueAt raisedAt readAt acknowledgedAt } }`;
type AlertView = {
  id: string;
  kind: string;
  caseId: string;
  subjectId: string;
  dueAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
};
const myAlerts = async (p: Principal, unacknowledgedOnly = true) =>
  ok<AlertView[]>(await call(p, MY_ALERTS, { all: unacknowledgedOnly }), "myPoliceAlerts");

/** A sector system's receiver: fails the first `failures` calls with 500, then answers 204. */
function receiver(failures: number) {
  const calls: Array<{ body: string; signature: string | undefined; eventId: string | undefined; attempt: string | undefined }> = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    calls.push({
      body: Buffer.concat(chunks).toString("utf8"),
      signature: req.headers[SIGNATURE_HEADER] as string | undefined,
      eventId: req.headers["samraad-event-id"] as string | undefined,
      attempt: req.headers["samraad-attempt"] as string | undefined,
    });
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

beforeAll(async () => {
  sg = await runSubgraph(police, { database: "test" });
});
afterAll(async () => sg?.stop());

describe("the interview alert", () => {
  let kbh: { caseId: string; reportId: string };
  let worker: ReturnType<typeof createAlertWorker>;
  const hook = receiver(2);
  let secret: string;

  beforeAll(async () => {
    const url = await hook.start();
    const registered = ok<{ endpoint: { id: string; url: string }; secret: string }>(
      await call(leader, `mutation($url: String!) { registerPoliceWebhookEndpoint(url: $url) { endpoint { id url } secret } }`, { url }),
      "registerPoliceWebhookEndpoint",
    );
    secret = registered.secret;
    kbh = await report("KBH", { book: true });
    await report("KBH", { book: true, hold: true }); // held in time: no alert
    await report("FYN", { book: true }); // another district's investigators own it
    // The police's own webhook policy, as its config gives it (SAMRAAD_WEBHOOK_ALLOWED_NETWORKS above).
    const store = new AlertStore(sg.client, sg.config.webhookEndpoints);
    worker = createAlertWorker({
      store,
      scanName: "police-alerts",
      scan: (now) => scanPoliceAlerts(sg.client, clockSettings(fixedTime(NOW)), now),
      policy: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5, timeoutMs: 5_000, leaseMs: 30_000, batchSize: 10 },
      now: () => NOW,
    });
  });
  afterAll(async () => hook.stop());

  it("fires for the district's investigators when no interview was held within a week, and for no one else", async () => {
    const before = await worker.runOnce(new Date("2026-03-09T08:59:00Z")); // still within the week
    expect(before.raised).toBe(0);
    const round = await worker.runOnce(NOW);
    expect(round.raised).toBeGreaterThanOrEqual(1);

    const mine = (await myAlerts(investigator)).filter((a) => a.caseId === kbh.caseId);
    expect(mine).toEqual([
      expect.objectContaining({ kind: "INTERVIEW_NOT_HELD", subjectId: kbh.reportId, dueAt: "2026-03-09T09:00:00.000Z", readAt: null }),
    ]);
    expect((await myAlerts(colleague)).map((a) => a.caseId)).toContain(kbh.caseId);
    expect((await myAlerts(otherDistrict)).map((a) => a.caseId)).not.toContain(kbh.caseId);
    expect(await myAlerts(caseworker)).toEqual([]);
    expect(await myAlerts(leader)).toEqual([]); // the step is the investigators'
  });

  it("is raised once, however often the scan runs, by one replica per period", async () => {
    const store = new AlertStore(sg.client);
    expect(await store.raise(await scanPoliceAlerts(sg.client, clockSettings(fixedTime(NOW)), NOW), NOW)).toEqual([]);
    expect((await myAlerts(investigator)).filter((a) => a.caseId === kbh.caseId)).toHaveLength(1);
    // Two replicas asking for the same job at once: one gets it.
    const claims = await Promise.all([store.claimJob("police-test-job", NOW, 60_000), store.claimJob("police-test-job", NOW, 60_000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("is read and acknowledged per person, and only by its recipients", async () => {
    const [alert] = (await myAlerts(investigator)).filter((a) => a.caseId === kbh.caseId) as [AlertView];
    const read = ok<AlertView>(
      await call(investigator, `mutation($id: ID!) { markPoliceAlertRead(id: $id) { id readAt acknowledgedAt } }`, { id: alert.id }),
      "markPoliceAlertRead",
    );
    expect(read.readAt).not.toBeNull();
    expect(read.acknowledgedAt).toBeNull();
    const refused = await call(caseworker, `mutation($id: ID!) { acknowledgePoliceAlert(id: $id) { id } }`, { id: alert.id });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    ok(
      await call(investigator, `mutation($id: ID!) { acknowledgePoliceAlert(id: $id) { id acknowledgedAt } }`, { id: alert.id }),
      "acknowledgePoliceAlert",
    );
    expect((await myAlerts(investigator)).map((a) => a.id)).not.toContain(alert.id);
    expect((await myAlerts(investigator, false)).find((a) => a.id === alert.id)?.acknowledgedAt).not.toBeNull();
    expect((await myAlerts(colleague)).map((a) => a.id)).toContain(alert.id); // the colleague has not acknowledged it
  });

  it("is delivered to the district's system, signed, retried with backoff after failures, and logged", async () => {
    // The round at NOW above already tried once (500). Retries come 1 s, then 2 s later.
    expect(hook.calls).toHaveLength(1);
    expect((await worker.runOnce(new Date(NOW.getTime() + 500))).attempted).toBe(0); // not due yet
    await worker.runOnce(new Date(NOW.getTime() + 1_000)); // second attempt: 500 again
    await worker.runOnce(new Date(NOW.getTime() + 2_500)); // not due yet (next at +3 s)
    expect(hook.calls).toHaveLength(2);
    await worker.runOnce(new Date(NOW.getTime() + 3_000)); // third attempt: 204
    expect(hook.calls).toHaveLength(3);
    expect(hook.calls.map((c) => c.attempt)).toEqual(["1", "2", "3"]);

    for (const c of hook.calls) {
      expect(verifySignature(secret, c.body, c.signature, new Date(NOW.getTime() + 3_000))).toBe(true);
      expect(verifySignature("whsec_wrong", c.body, c.signature, NOW)).toBe(false);
      expect(verifySignature(secret, c.body.replace("KBH", "FYN"), c.signature, NOW)).toBe(false);
    }
    const event = JSON.parse(hook.calls[0]?.body as string) as Record<string, unknown>;
    // Ids and kinds only: no names, CPR numbers or free text.
    expect(Object.keys(event).sort()).toEqual(["caseId", "dueAt", "id", "kind", "organisation", "raisedAt", "sector", "subjectId", "type"]);
    expect(event).toMatchObject({ kind: "INTERVIEW_NOT_HELD", caseId: kbh.caseId, subjectId: kbh.reportId, organisation: "KBH" });
    expect(new Set(hook.calls.map((c) => c.eventId))).toEqual(new Set([event.id]));

    const LOG = `{ policeWebhookDeliveries { eventId kind caseId status nextAttemptAt deliveredAt attempts { attempt statusCode error } } }`;
    const log = ok<Array<{ status: string; caseId: string; attempts: Array<{ statusCode: number }> }>>(
      await call(system, LOG),
      "policeWebhookDeliveries",
    );
    expect(log).toEqual([
      expect.objectContaining({
        caseId: kbh.caseId,
        kind: "INTERVIEW_NOT_HELD",
        status: "DELIVERED",
        nextAttemptAt: null,
        attempts: [
          { attempt: 1, statusCode: 500, error: "HTTP 500" },
          { attempt: 2, statusCode: 500, error: "HTTP 500" },
          { attempt: 3, statusCode: 204, error: null },
        ],
      }),
    ]);
    expect((await worker.runOnce(new Date(NOW.getTime() + 60_000))).attempted).toBe(0); // delivered: never again
  });

  it("keeps the delivery log and the endpoints to the organisation's leaders and system", async () => {
    const refused = await call(investigator, `{ policeWebhookDeliveries { id } }`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const other = await call(person("leader-police-fyn", "POLICE", "FYN", ["leader"]), `{ policeWebhookDeliveries { id } }`);
    expect(ok<unknown[]>(other, "policeWebhookDeliveries")).toEqual([]);
    const bad = await call(leader, `mutation { registerPoliceWebhookEndpoint(url: "http://sagssystem.example/hook") { secret } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(
      ok<unknown[]>(await call(leader, `{ policeWebhookEndpoints { id url organisation active } }`), "policeWebhookEndpoints"),
    ).toHaveLength(1);
  });
});

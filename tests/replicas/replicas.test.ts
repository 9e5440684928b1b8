import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INTERNAL_TOKEN_HEADER, type Principal, scopesFor, signInternalToken } from "@samraad/access";
import { boernehus, seedBoernehus } from "@samraad/boernehus";
import { migrate } from "@samraad/db";
import { health, seedHealth } from "@samraad/health";
import { municipality, seedMunicipality } from "@samraad/municipality";
import { police, seedPolice } from "@samraad/police";
import { seedStatistics, statistics } from "@samraad/statistics";
import { ensureTestKeys, testInternalSigningKey } from "@samraad/subgraph-kit";
import { generateWorld, type SyntheticCourse } from "@samraad/synthetic";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceName } from "../../scripts/bundle.ts";
import { renderHaproxyConfig } from "../../scripts/haproxyConfig.ts";
import { freePort, type PostgresCluster, postgresInstalled, startPostgresCluster } from "../support/postgresCluster.ts";
import { type ServiceProcess, spawnService } from "../support/serviceProcess.ts";
import { type SseSubscription, subscribeSse } from "../support/sse.ts";

/**
 * Two replicas of every service on PostgreSQL, HAProxy in front of each pair (the
 * configuration rendered from deploy/haproxy.cfg.template, as docs/deployment.md shows it),
 * the services as built bundles in processes of their own. What must hold with replicas
 * (DESIGN.md 7: no state that replicas must share lives in one process's memory):
 * - a signed internal request replayed to the other replica is refused (the replay guard
 *   is in the subgraph's database);
 * - the gateways' rate limits add up (counters in the gateways' PostgreSQL table);
 * - each alert fires once (the scan is claimed per period in the sector's database, each
 *   webhook delivery is leased);
 * - the statistics extraction runs once per period;
 * - a case's live events reach its subscribers on every gateway replica, whichever
 *   subgraph replica made the write (NOTIFY in the shared database, a LISTEN per replica),
 *   and someone who may not see the case gets no stream on either;
 * - killing one replica of every service under a stream of writes loses no acknowledged
 *   write, and the other replicas keep serving.
 */

const SUBGRAPHS = ["municipality", "police", "health", "boernehus", "statistics"] as const;
const SERVICES: ServiceName[] = [...SUBGRAPHS, "gateway"];
const ISSUER = "https://idp.replicas.test";
/** People's budget per window, small enough to count; sector systems' is out of the way. */
const PEOPLE_PER_WINDOW = 10;

const available = postgresInstalled();
if (!available) {
  console.warn(
    "tests/replicas: SKIPPED, PostgreSQL 15 server binaries are not at /usr/lib/postgresql/15/bin (apt-get install postgresql-15; CI has them).",
  );
}

/** Debian puts it in /usr/sbin, which a normal user's PATH may lack. */
const haproxyPath = () => (existsSync("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy");

/** HAProxy from Debian, installed when missing as .ci/run installs Chromium. */
function ensureHaproxy(): void {
  try {
    execFileSync(haproxyPath(), ["-v"], { stdio: "ignore" });
    return;
  } catch {
    const asRoot = process.getuid?.() === 0 ? [] : ["sudo"];
    const apt = (...args: string[]) =>
      execFileSync(asRoot[0] ?? "apt-get", [...(asRoot.length ? ["apt-get"] : []), ...args], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    apt("update");
    apt("install", "-y", "haproxy");
  }
}

interface Topology {
  cluster: PostgresCluster;
  databases: Record<(typeof SUBGRAPHS)[number] | "gateway", string>;
  /** The HAProxy frontend of each service. */
  front: Record<ServiceName, string>;
  replicas: Record<ServiceName, ServiceProcess[]>;
  /** host:port of each replica, in the order of `replicas`. */
  replicaUrls: Record<ServiceName, string[]>;
  haproxy: ReturnType<typeof spawn>;
  haproxyLog(): string;
  webhooks: { url: string; received: Array<{ id: string; organisation: string }>; close(): Promise<void> };
  tmp: string;
}

let top: Topology;
let mint: (principal: Omit<Principal, "sub"> & { sub: string }, lifetime?: string) => Promise<string>;
let world: { courses: SyntheticCourse[] };
const started = Date.now();

beforeAll(async () => {
  if (!available) return;
  ensureHaproxy();
  await ensureTestKeys(); // the gateway's signing key, the grant keys and the pseudonym key, inherited by every process

  // An OpenID issuer the gateways trust through the ordinary configuration: its key set inline.
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "replicas-1", alg: "ES256", use: "sig" };
  mint = ({ sub, name, sector, organisation, roles }, lifetime = "2h") =>
    new SignJWT({ name, sector, organisation, roles })
      .setProtectedHeader({ alg: "ES256", kid: jwk.kid as string })
      .setIssuer(ISSUER)
      .setAudience("samraad")
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(privateKey);
  const issuers = [
    {
      issuer: ISSUER,
      audience: "samraad",
      jwks: { keys: [jwk] },
      namespace: "replicas",
      // 0147: another municipality, whose people may not see 0101's cases (the live test).
      speaksFor: { MUNICIPALITY: ["0101", "0147"], POLICE: ["KBH"], BOERNEHUS: ["HOVEDSTADEN"], NATIONAL: ["SBST"] },
    },
  ];

  // PostgreSQL: each subgraph's own database (migrated and seeded once, before any replica
  // starts), and the gateways' database for the rate-limit counters.
  const cluster = await startPostgresCluster();
  world = generateWorld({ seed: 11, courses: 80, coursesPerYear: 120 });
  const databases = {} as Topology["databases"];
  for (const name of [...SUBGRAPHS, "gateway"] as const) databases[name] = await cluster.createDatabase(`samraad_${name}`);
  const seeds = { municipality: seedMunicipality, police: seedPolice, health: seedHealth, boernehus: seedBoernehus };
  const definitions = { municipality, police, health, boernehus, statistics };
  await Promise.all(
    SUBGRAPHS.map(async (name) => {
      await migrate(databases[name], definitions[name].migrationsDir);
      if (name === "statistics") {
        const client = statistics.createClient(databases.statistics);
        await seedStatistics(client).finally(() => client.$disconnect());
        return;
      }
      const pool = new pg.Pool({ connectionString: databases[name], max: 1 });
      try {
        for (let i = 0; i < world.courses.length; i += 500) await seeds[name](pool, world.courses.slice(i, i + 500));
      } finally {
        await pool.end();
      }
    }),
  );

  // Webhook endpoints before the first scan: a receiver that counts what each organisation gets.
  const received: Topology["webhooks"]["received"] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const event = JSON.parse(body) as { id: string; organisation: string };
      received.push({ id: event.id, organisation: event.organisation });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/alerts`;
  // One endpoint per police district and per børnehus region of the world: every alert the
  // scans raise has somewhere to go.
  const organisations = {
    police: new Set(world.courses.flatMap((c) => (c.police ? [c.police.district] : []))),
    boernehus: new Set(world.courses.map((c) => c.region)),
  };
  for (const [name, sector] of [
    ["police", "POLICE"],
    ["boernehus", "BOERNEHUS"],
  ] as const) {
    const sql = new pg.Client({ connectionString: databases[name] });
    await sql.connect();
    for (const organisation of organisations[name]) {
      await sql.query(
        `INSERT INTO samraad_meta.webhook_endpoint (id, sector, organisation, url, secret, created_by_sub, created_at, active)
         VALUES ($1, $2, $3, $4, $5, 'replicas:test', now(), true)`,
        [randomUUID(), sector, organisation, webhookUrl, randomUUID()],
      );
    }
    await sql.end();
  }

  // Ports: a frontend per service, two replicas behind each. HAProxy first, so the replicas
  // come up behind it as they would in a deployment (health checks mark them up).
  const front = {} as Record<ServiceName, string>;
  const replicaPorts = {} as Record<ServiceName, number[]>;
  for (const name of SERVICES) {
    front[name] = `127.0.0.1:${await freePort()}`;
    replicaPorts[name] = [await freePort(), await freePort()];
  }
  const replicaUrls = Object.fromEntries(SERVICES.map((n) => [n, replicaPorts[n].map((p) => `127.0.0.1:${p}`)])) as Record<
    ServiceName,
    string[]
  >;
  const tmp = mkdtempSync(join(tmpdir(), "samraad-haproxy-"));
  const config = renderHaproxyConfig(SERVICES.map((service) => ({ service, bind: front[service], replicas: replicaUrls[service] })));
  writeFileSync(join(tmp, "haproxy.cfg"), config);
  let haproxyOutput = "";
  const haproxy = spawn(haproxyPath(), ["-f", join(tmp, "haproxy.cfg"), "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  haproxy.stdout?.on("data", (c: Buffer) => {
    haproxyOutput += c.toString();
  });
  haproxy.stderr?.on("data", (c: Buffer) => {
    haproxyOutput += c.toString();
  });

  const frontUrl = (name: ServiceName) => `http://${front[name]}/graphql`;
  const common = {
    SAMRAAD_ALERT_SCAN_MINUTES: "0.1",
    SAMRAAD_WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    SAMRAAD_LOG_LEVEL: "warn",
  };
  const envFor = (name: ServiceName): Record<string, string> => {
    if (name === "gateway") {
      return {
        ...common,
        // Its request log counts which gateway answered what.
        SAMRAAD_LOG_LEVEL: "info",
        SAMRAAD_OIDC_ISSUERS: JSON.stringify(issuers),
        SAMRAAD_DEV_ISSUER: "",
        SAMRAAD_RATE_LIMIT: String(PEOPLE_PER_WINDOW),
        SAMRAAD_RATE_LIMIT_SYSTEM: "1000000",
        SAMRAAD_RATE_LIMIT_DATABASE_URL: databases.gateway,
        ...Object.fromEntries(SUBGRAPHS.map((s) => [`${s.toUpperCase()}_URL`, frontUrl(s)])),
      };
    }
    return { ...common, [`${name.toUpperCase()}_DATABASE_URL`]: databases[name] };
  };
  const extractor = await mint({
    sub: "statistics-extractor",
    name: "Statistikudtræk",
    sector: "NATIONAL",
    organisation: "SBST",
    roles: ["system"],
  });
  const spawnPair = (name: ServiceName, extra: Record<string, string> = {}) =>
    Promise.all(
      replicaPorts[name].map((port) => spawnService(name, { ...envFor(name), ...extra, [`${name.toUpperCase()}_PORT`]: String(port) })),
    );
  const replicas = {} as Record<ServiceName, ServiceProcess[]>;
  for (const name of ["municipality", "police", "health", "boernehus"] as const) replicas[name] = await spawnPair(name);
  replicas.gateway = await spawnPair("gateway");
  // The extractors' first tick, 10 s after their start, goes through the gateways' frontend.
  await until(async () => (await fetch(`http://${front.gateway}/readyz`).catch(() => null))?.status === 200, 30_000, "the gateways");
  replicas.statistics = await spawnPair("statistics", {
    SAMRAAD_STATISTICS_EXTRACT_MINUTES: "60",
    SAMRAAD_STATISTICS_TOKEN: extractor,
    SAMRAAD_GATEWAY_URL: frontUrl("gateway"),
  });
  top = {
    cluster,
    databases,
    front,
    replicas,
    replicaUrls,
    haproxy,
    haproxyLog: () => haproxyOutput,
    webhooks: { url: webhookUrl, received, close: () => new Promise((resolve) => receiver.close(() => resolve())) },
    tmp,
  };
  // Every frontend answers once HAProxy's health checks have seen a replica ready.
  for (const name of SERVICES)
    await until(async () => (await fetch(`http://${front[name]}/readyz`).catch(() => null))?.status === 200, 30_000);
  console.log(`replicas: topology up in ${Math.round((Date.now() - started) / 1000)} s`);
}, 300_000);

afterAll(async () => {
  if (!top) return;
  for (const list of Object.values(top.replicas)) {
    for (const r of list) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGTERM");
  }
  await Promise.all(Object.values(top.replicas).flatMap((list) => list.map((r) => r.exited)));
  top.haproxy.kill("SIGTERM");
  await top.webhooks.close();
  await top.cluster.stop();
  rmSync(top.tmp, { recursive: true, force: true });
  console.log(`replicas: whole file ${Math.round((Date.now() - started) / 1000)} s`);
}, 60_000);

async function until(check: () => Promise<boolean>, withinMs: number, what = "condition"): Promise<void> {
  const end = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function gql(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`http://${top.front.gateway}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return { status: res.status, ...body };
}

const SQL = async <T extends pg.QueryResultRow>(database: string, text: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

describe.skipIf(!available)("two replicas of every service behind HAProxy, on PostgreSQL", () => {
  it("refuses a signed internal request replayed to the other replica", async () => {
    const principal: Principal = {
      sub: "replicas:coordinator",
      name: "Test Koordinator",
      sector: "BOERNEHUS",
      organisation: "HOVEDSTADEN",
      roles: ["coordinator"],
    };
    for (const name of ["municipality", "police", "health", "boernehus", "statistics"] as const) {
      const body = JSON.stringify({ query: "{ __typename }" });
      const token = await signInternalToken({
        principal,
        scopes: scopesFor(principal),
        audience: name,
        body,
        requestId: randomUUID(),
        key: await testInternalSigningKey(),
      });
      const send = (replica: string) =>
        fetch(`http://${replica}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
          body,
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as { errors?: Array<{ message: string }> } }));
      const [first, other] = top.replicaUrls[name] as [string, string];
      expect((await send(first)).status, `${name}: the first use`).toBe(200);
      const replayed = await send(other);
      expect(replayed.status, `${name}: the same request at the other replica`).toBe(401);
      expect(replayed.body.errors?.[0]?.message).toMatch(/already used/);
      expect((await send(first)).status, `${name}: and at the first again`).toBe(401);
    }
  });

  it("adds a person's requests up across the two gateways", async () => {
    const caseworker = await mint({
      sub: `caseworker-${randomUUID()}`,
      name: "Test Rådgiver",
      sector: "MUNICIPALITY",
      organisation: "0101",
      roles: ["caseworker"],
    });
    const before = top.replicas.gateway.map((g) => requestLines(g.output()));
    const statuses: number[] = [];
    for (let i = 0; i < 2 * PEOPLE_PER_WINDOW + 2; i++) statuses.push((await gql(caseworker, "{ __typename }")).status);
    const served = top.replicas.gateway.map((g, i) => requestLines(g.output()) - (before[i] ?? 0));
    // HAProxy spread them over both gateways, and the budget held across them.
    expect(
      served.every((n) => n >= PEOPLE_PER_WINDOW / 2),
      `requests per gateway: ${served}`,
    ).toBe(true);
    expect(statuses.filter((s) => s === 200)).toHaveLength(PEOPLE_PER_WINDOW);
    expect(statuses.slice(PEOPLE_PER_WINDOW).every((s) => s === 429)).toBe(true);
  });

  it("fires each alert once: one scan per period, each webhook delivered once", async () => {
    // Raised by the scans (both replicas tick every 6 s, the scan's period; one of them claims each period).
    await until(async () => (await alertEvents("police")).length + (await alertEvents("boernehus")).length > 0, 60_000, "alerts raised");
    const expected = new Map<string, number>();
    for (const name of ["police", "boernehus"] as const) {
      // Every delivery done (a lease per delivery: the replicas never take the same one).
      await until(
        async () =>
          (
            await SQL<{ n: number }>(
              top.databases[name],
              "SELECT count(*)::int AS n FROM samraad_meta.webhook_delivery WHERE status <> 'DELIVERED'",
            )
          )[0]?.n === 0,
        90_000,
        `${name} delivers its webhooks`,
      );
      const duplicates = await SQL(
        top.databases[name],
        "SELECT kind, subject_id, recipient_org, recipient_sub FROM samraad_meta.alert GROUP BY 1, 2, 3, 4 HAVING count(*) > 1",
      );
      expect(duplicates).toEqual([]);
      for (const id of await alertEvents(name)) expected.set(id, 1);
      for (const replica of top.replicas[name])
        expect(replica.output(), `${name}: a failed alert round`).not.toMatch(/alerts round failed/);
    }
    const counts = new Map<string, number>();
    for (const event of top.webhooks.received) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    expect(counts).toEqual(expected);
    console.log(`replicas: ${expected.size} alerts, each delivered once (${top.webhooks.received.length} webhook calls)`);
  }, 180_000);

  it("runs the statistics extraction once", async () => {
    // Both replicas ticked within 10 s of their start and every 15 s since; one claimed the
    // hour's period. Wait for the run, then for both to have ticked again after it.
    await until(
      async () => (await SQL<{ n: number }>(top.databases.statistics, `SELECT count(*)::int AS n FROM "ExtractionRun"`))[0]?.n === 1,
      90_000,
      "an extraction",
    );
    await new Promise((r) => setTimeout(r, 16_000));
    const runs = await SQL<{ courses: number }>(top.databases.statistics, `SELECT courses FROM "ExtractionRun"`);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.courses).toBeGreaterThan(0);
    const outputs = top.replicas.statistics.map((r) => r.output());
    expect(outputs.filter((o) => /statistics extraction done/.test(o))).toHaveLength(1);
    for (const output of outputs) expect(output).not.toMatch(/statistics extraction failed/);
  }, 120_000);

  it("delivers a case's live events to subscribers on both gateways, whichever børnehus replica wrote; another municipality gets no stream", async () => {
    const system = await mint({
      sub: "system-kbh",
      name: "Sagssystem, Københavns Kommune",
      sector: "MUNICIPALITY",
      organisation: "0101",
      roles: ["system"],
    });
    const cases = await gql(
      system,
      `{ boernehusCases(filter: { municipalityCode: "0101", status: ACTIVE }, first: 20) { id samraadMeetings { id status } } }`,
    );
    const course = (
      (cases.data?.boernehusCases ?? []) as Array<{ id: string; samraadMeetings: Array<{ id: string; status: string }> }>
    ).find((c) => c.samraadMeetings.some((m) => m.status !== "CANCELLED"));
    if (!course) throw new Error("no active course of 0101 with a samråd meeting in the seeded world");
    const meetingId = course.samraadMeetings.find((m) => m.status !== "CANCELLED")?.id as string;
    const LIVE = `subscription($caseId: ID!) { caseChanged(caseId: $caseId) { caseId change recordId version } }`;
    type Live = { data?: { caseChanged?: { caseId: string; change: string; recordId: string | null; version: number | null } } };

    // A subscriber on each gateway replica (straight to it, not through HAProxy's frontend);
    // each gateway's stream reaches a børnehus replica through HAProxy.
    const subscribers = await Promise.all(
      top.replicaUrls.gateway.map((gateway) => subscribeSse<Live>(`http://${gateway}/graphql`, system, LIVE, { caseId: course.id })),
    );
    try {
      for (const subscriber of subscribers) {
        expect(subscriber.status).toBe(200);
        expect(subscriber.refused).toBeUndefined();
        expect((await subscriber.next(10_000))?.data?.caseChanged?.change).toBe("RESYNC");
      }
      // Someone of another municipality: the same NOT_FOUND as for a case that does not
      // exist, on either gateway, and no stream.
      const outsider = await mint({
        sub: "caseworker-frb",
        name: "Test Rådgiver",
        sector: "MUNICIPALITY",
        organisation: "0147",
        roles: ["caseworker"],
      });
      for (const gateway of top.replicaUrls.gateway) {
        const refused = await subscribeSse<Live>(`http://${gateway}/graphql`, outsider, LIVE, { caseId: course.id });
        const error =
          refused.refused?.errors?.[0] ??
          ((await refused.next(10_000)) as { errors?: Array<{ extensions?: { code?: string } }> } | null)?.errors?.[0];
        expect(error?.extensions?.code, `the outsider on gateway ${gateway}`).toBe("NOT_FOUND");
        expect(await refused.next(1_000).catch(() => null)).toBeNull();
        refused.close();
      }

      // One write on each børnehus replica, signed as the gateway signs it. Every subscriber's
      // stream is held by one of the two, so each gets at least one write that the other
      // replica made: it can only have come through PostgreSQL.
      const principal: Principal = {
        sub: "replicas:system-kbh",
        name: "Sagssystem, Københavns Kommune",
        sector: "MUNICIPALITY",
        organisation: "0101",
        roles: ["system"],
      };
      const ADD = `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id } }`;
      for (const [i, replica] of top.replicaUrls.boernehus.entries()) {
        const body = JSON.stringify({
          query: ADD,
          variables: { input: { meetingId, title: `replicas-live-${i}`, owningSector: "MUNICIPALITY", dueAt: "2027-01-15T09:00:00.000Z" } },
        });
        const token = await signInternalToken({
          principal,
          scopes: scopesFor(principal),
          audience: "boernehus",
          body,
          requestId: randomUUID(),
          key: await testInternalSigningKey(),
        });
        const wroteAt = Date.now();
        const res = await fetch(`http://${replica}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
          body,
        });
        const answer = (await res.json()) as { data?: { addActionItem?: { id: string } }; errors?: unknown[] };
        expect(answer.errors, `the write on børnehus replica ${i}`).toBeUndefined();
        const itemId = answer.data?.addActionItem?.id as string;
        const seenAfter = await Promise.all(subscribers.map((subscriber) => nextFor(subscriber, itemId).then(() => Date.now() - wroteAt)));
        console.log(
          `replicas live: the write on børnehus replica ${i} reached the subscribers on both gateways after ${seenAfter.join(" and ")} ms`,
        );
      }
    } finally {
      for (const subscriber of subscribers) subscriber.close();
    }

    /** Reads the stream until the event of the action item `itemId` (others may come first: writes of other tests). */
    async function nextFor(subscriber: SseSubscription<Live>, itemId: string) {
      for (;;) {
        const event = await subscriber.next(10_000);
        if (event === null) throw new Error("the stream ended");
        const change = event.data?.caseChanged;
        if (change?.recordId !== itemId) continue;
        // Ids and a version only: no personal data in the event.
        expect(Object.keys(change).sort()).toEqual(["caseId", "change", "recordId", "version"]);
        expect(change).toMatchObject({ caseId: course?.id, change: "ACTION_ITEM" });
        return;
      }
    }
  }, 120_000);

  it("loses no acknowledged write when one replica of every service is killed under load, and the others keep serving", async () => {
    const system = await mint({
      sub: "system-kbh",
      name: "Sagssystem, Københavns Kommune",
      sector: "MUNICIPALITY",
      organisation: "0101",
      roles: ["system"],
    });
    const cases = await gql(
      system,
      `{ boernehusCases(filter: { municipalityCode: "0101", status: ACTIVE }, first: 20) { id samraadMeetings { id status } } }`,
    );
    expect(cases.errors).toBeUndefined();
    const course = (
      (cases.data?.boernehusCases ?? []) as Array<{ id: string; samraadMeetings: Array<{ id: string; status: string }> }>
    ).find((c) => c.samraadMeetings.some((m) => m.status !== "CANCELLED"));
    if (!course) throw new Error("no active course of 0101 with a samråd meeting in the seeded world");
    const meetingId = course.samraadMeetings.find((m) => m.status !== "CANCELLED")?.id as string;
    const ADD_ITEM = `mutation($input: AddActionItemInput!, $key: String) { addActionItem(input: $input, idempotencyKey: $key) { id title } }`;
    const VIEW = `query($id: ID!) { boernehusCase(id: $id) { id child { firstName } referral { referredAt } policeReport { journalNumber } medicalExaminations { kind } actionItems { id } } }`;

    interface Attempt {
      n: number;
      key: string;
      title: string;
      acknowledgedId?: string;
      afterKill: boolean;
    }
    const attempts: Attempt[] = [];
    const reads = { ok: 0, failed: 0, okAfterKill: 0 };
    let killed = false;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const n = attempts.length;
        const a: Attempt = { n, key: `replicas-${n}-${randomUUID()}`, title: `replicas-load-${n}`, afterKill: killed };
        attempts.push(a);
        const input = { meetingId, title: a.title, owningSector: "MUNICIPALITY", dueAt: "2027-01-15T09:00:00.000Z" };
        const res = await gql(system, ADD_ITEM, { input, key: a.key }).catch(() => null);
        const item = res?.data?.addActionItem as { id: string } | undefined;
        if (res?.status === 200 && !res.errors && item) a.acknowledgedId = item.id;
      }
    };
    const reader = async () => {
      while (!stop) {
        const afterKill = killed;
        const res = await gql(system, VIEW, { id: course.id }).catch(() => null);
        if (res?.status === 200 && !res.errors && res.data?.boernehusCase) {
          reads.ok++;
          if (afterKill) reads.okAfterKill++;
        } else reads.failed++;
      }
    };
    const load = [writer(), writer(), writer(), writer(), reader(), reader()];
    const acknowledged = (afterKill: boolean) => attempts.filter((a) => a.acknowledgedId && a.afterKill === afterKill).length;
    await until(async () => acknowledged(false) >= 30, 60_000, "30 acknowledged writes before the kill");

    // One replica of every service, SIGKILL: no draining, no goodbye.
    const victims = SERVICES.map((name) => top.replicas[name][0] as ServiceProcess);
    for (const victim of victims) victim.child.kill("SIGKILL");
    await Promise.all(victims.map((v) => v.exited));
    killed = true;
    const killedAt = Date.now();
    // The survivors carry on: writes and cross-sector case views are acknowledged again.
    await until(async () => acknowledged(true) >= 30 && reads.okAfterKill >= 20, 60_000, "30 writes and 20 reads after the kill");
    const recoveredInMs = Date.now() - killedAt;
    stop = true;
    await Promise.all(load);

    const acked = attempts.filter((a) => a.acknowledgedId);
    const stored = await SQL<{ id: string; title: string }>(
      top.databases.boernehus,
      `SELECT id::text, title FROM "ActionItem" WHERE title LIKE 'replicas-load-%'`,
    );
    const byId = new Map(stored.map((r) => [r.id, r.title]));
    for (const a of acked) expect(byId.get(a.acknowledgedId as string), `acknowledged write ${a.n}`).toBe(a.title);
    // And none twice: an unanswered write retried with its key is stored once.
    for (const a of attempts.filter((x) => !x.acknowledgedId)) {
      const retry = await gql(system, ADD_ITEM, {
        input: { meetingId, title: a.title, owningSector: "MUNICIPALITY", dueAt: "2027-01-15T09:00:00.000Z" },
        key: a.key,
      });
      expect(retry.errors, `retry of write ${a.n}`).toBeUndefined();
    }
    const counts = await SQL<{ title: string; n: number }>(
      top.databases.boernehus,
      `SELECT title, count(*)::int AS n FROM "ActionItem" WHERE title LIKE 'replicas-load-%' GROUP BY title HAVING count(*) > 1`,
    );
    expect(counts).toEqual([]);
    // The other replica of every service is still up, and each frontend still answers.
    for (const name of SERVICES) {
      expect(top.replicas[name][1]?.child.exitCode, `${name}'s second replica`).toBeNull();
      expect((await fetch(`http://${top.front[name]}/readyz`)).status, `${name} through HAProxy`).toBe(200);
    }
    const failedWrites = attempts.length - acked.length;
    console.log(
      `replicas kill: ${attempts.length} writes (${acked.length} acknowledged, ${failedWrites} failed around the kill), ${reads.ok} case views (${reads.failed} failed); serving again ${Math.round(recoveredInMs / 1000)} s after the kill`,
    );
  }, 240_000);
});

/** The gateway's one log line per request (the request log), counted. */
function requestLines(output: string): number {
  return output.split("\n").filter((l) => l.includes('"msg":"request"')).length;
}

/** The webhook event ids a sector's alerts made (one per step and organisation, however many recipients). */
async function alertEvents(name: "police" | "boernehus"): Promise<string[]> {
  const rows = await SQL<{ event_id: string }>(top.databases[name], "SELECT DISTINCT event_id::text FROM samraad_meta.webhook_delivery");
  return rows.map((r) => r.event_id);
}

/**
 * npm run bench -- [--courses 100000] [--postgres postgresql://...] [--duration 15] ...
 *
 * Seeds N synthetic courses (PostgreSQL when a URL is given, else PGlite), starts the
 * four subgraphs, the Samråd gateway and the @apollo/gateway peer as separate
 * production processes, drives each workload with a separate load process, runs the
 * fuzz (hostile requests against a production gateway with the default limits), prints
 * a table and writes bench/results/<date>.json and .md. See docs/performance.md.
 * `npm run bench -- --help` lists the options.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateGrantKeyPair, generateInternalKeyPair, type Principal, scopesFor } from "@samraad/access";
import { REPO_ROOT } from "@samraad/db";
import { createDevIssuer, SUBGRAPHS, type SubgraphName } from "@samraad/gateway";
import { PERSONAS } from "@samraad/synthetic";
import { DEFAULT_FUZZ_PERSONAS, type FuzzReport, runFuzz } from "@samraad/tests/fuzz";
import pg from "pg";
import { bundle, bundlePath, bundleService, isService, SERVICES, startFlags } from "../../scripts/bundle.ts";
import { makeStatisticsExtractionDue } from "../../scripts/seeding.ts";
import { benchDatabases, seedBenchDatabases } from "./databases.ts";
import { ALL_DOCUMENTS, CASE_LIST, CASE_VIEW, FUZZ_CASES, PLAN_MEETING, RECORD_DECISIONS, VISIBLE_CASES } from "./documents.ts";
import { type Statement, statementsOf } from "./floor.ts";
import { LIVE_ADD_ITEM, LIVE_CASE, LIVE_MEETINGS, type LiveResult, runLive } from "./live.ts";
import type { LoadJob, LoadResult } from "./load.ts";
import { httpOk, memoryOf, type Service, sampleUsage, startService, stopService, waitUntilReady } from "./processes.ts";
import { type BenchReport, perProcess, printTable, targetsOf, type WorkloadResult, writeReport } from "./report.ts";
import { type Measured, mergeSlices } from "./rounds.ts";
import { type ExtractionReport, extractionDone, STATISTICS_PERSONA, STATISTICS_TABLE, statisticsVariables } from "./statistics.ts";

const WORKLOADS = ["a", "b", "c", "d", "e", "fuzz", "live"] as const;
const { values } = parseArgs({
  options: {
    courses: { type: "string", default: "100000" },
    postgres: { type: "string", default: process.env.BENCH_POSTGRES_URL },
    duration: { type: "string", default: "15" },
    rate: { type: "string", default: "100" },
    connections: { type: "string", default: "16" },
    rounds: { type: "string", default: "4" },
    writes: { type: "string", default: "300" },
    reseed: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    "cpu-prof": { type: "string", default: "" },
    "node-flags": { type: "string", default: "" },
    logs: { type: "boolean", default: false },
    planner: { type: "string", default: process.env.SAMRAAD_QUERY_PLANNER ?? "" },
    note: { type: "string", default: "" },
    workloads: { type: "string", default: WORKLOADS.join(",") },
    subscribers: { type: "string", default: "50" },
    "live-writes": { type: "string", default: "30" },
    "fuzz-runs": { type: "string", default: "100000" },
    "floor-log": { type: "string", default: "" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`npm run bench -- [options]

  --courses N         synthetic courses to seed and serve (100000); each size is kept and reused
  --reseed            seed again even when this size was seeded before
  --seed-only         seed, then stop
  --postgres URL      PostgreSQL server for the subgraphs' databases (default: PGlite in bench/.data)
  --workloads LIST    which to run, comma-separated, of ${WORKLOADS.join(",")} (all)
                        a: case view at --rate and at saturation, Samråd and @apollo/gateway; a-seq one at a time
                        b: the direct critical path (subgraphs without a gateway), one at a time
                        c: a list of 500 cases   d: recording a samråd (writes)   e: national statistics
                        fuzz: --fuzz-runs hostile requests against a production gateway with the default limits
                        live: --subscribers live subscriptions (SSE) to one case, then --live-writes writes one at a
                              a time: time until all have the change, and the extra CPU per write
  --subscribers N     open pages (subscriptions) on the one case of workload live (50)
  --live-writes N     writes workload live makes, with and without the subscribers (30)
  --fuzz-runs N       cases the fuzz sends (100000)
  --duration S        seconds per load workload (15)
  --rate R            requests/s for the fixed-rate case view (100)
  --connections C     concurrent connections for the saturation workloads (16)
  --rounds N          the Samråd-against-Apollo workloads (a at saturation, c) alternate the two gateways in N
                      slices of --duration/N each, so a change in the machine's speed falls on both alike (4)
  --writes N          planned meetings recorded by workload d (300)
  --planner NAME      the gateway's query planner: rust (the default) or javascript
  --cpu-prof LIST     services to profile (--cpu-prof), e.g. gateway,boernehus
  --node-flags SPEC   node flags per service, e.g. "gateway=--max-old-space-size=192;apollo-gateway=--max-old-space-size=192"
  --logs              keep each service's whole output in bench/results/profiles/<run>/<service>.log
  --floor-log PATH    the PostgreSQL server's log file (with --postgres): record each subgraph's SQL for a
                      few case views there, run the floor (bench/src/floor.ts) on it as workload f, and
                      report each subgraph's CPU per case view over the floor's
  --note TEXT         a note for the report
  -h, --help          this text`);
  process.exit(0);
}
const selected = new Set(values.workloads.split(",").map((w) => w.trim()));
for (const w of selected) if (!(WORKLOADS as readonly string[]).includes(w)) throw new Error(`--workloads: unknown workload ${w}`);
const loadWorkloads = ["a", "b", "c", "d", "e"].some((w) => selected.has(w));
const fuzzRuns = Number(values["fuzz-runs"]);
const courses = Number(values.courses);
if (!Number.isInteger(fuzzRuns) || fuzzRuns < 1) throw new Error("--fuzz-runs must be a positive whole number");
const durationSec = Number(values.duration);
const rate = Number(values.rate);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive whole number");
if (!Number.isInteger(courses) || courses < 1) throw new Error("--courses must be a positive whole number");

const BENCH_DIR = join(REPO_ROOT, "bench");
const DATA_DIR = join(BENCH_DIR, ".data");
const VIEWER = "coordinator-hovedstaden"; // a samråd participant (the case view, the write)
const LEADER = "leader-boernehus-hovedstaden"; // organisation-wide: sees all of Hovedstaden's cases (the list)
const startedAt = new Date();
const machine = () => ({ cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "", loadavg: loadavg().map((l) => Math.round(l * 100) / 100) });
const machineAtStart = machine();

// 1. Data.
const databases = benchDatabases(DATA_DIR, courses, values.postgres);
console.log(`Data: ${courses} courses in ${databases.kind === "postgres" ? `PostgreSQL (${values.postgres})` : "PGlite (bench/.data)"}`);
const seeding = await seedBenchDatabases(databases, { dataDir: DATA_DIR, courses, reseed: values.reseed, postgresUrl: values.postgres });
console.log(
  seeding.reused
    ? `Reusing the ${courses} courses seeded earlier (seeded at ${seeding.coursesPerSecond} courses/s; --reseed to redo).`
    : `Seeded ${courses} courses in ${seeding.seconds.toFixed(0)} s (${seeding.coursesPerSecond} courses/s).`,
);

if (values["seed-only"]) process.exit(0);
// Workload (e) waits for the statistics service's extraction, which runs once a day here
// (SAMRAAD_STATISTICS_EXTRACT_MINUTES 1440 below): a second run on the same data within the day
// would wait half an hour for it and fail. So the period is made due before the service starts.
if (selected.has("e")) await makeStatisticsExtractionDue({ ...process.env, ...databases.env });

// 2. Keys and an identity issuer the gateways trust (as a real OIDC issuer would be configured).
const issuer = await createDevIssuer(PERSONAS);
const grantKeys = await generateGrantKeyPair();
const statementKeys = await generateGrantKeyPair();
// The gateway's Ed25519 key pair: the gateways (and the load process, which plays one when it
// calls the subgraphs directly) sign with the private key; the subgraphs get only the public key.
const internalKeys = generateInternalKeyPair();
const signing = { SAMRAAD_INTERNAL_SIGNING_KEY: internalKeys.privatePem };
const ports = {
  gateway: await freePort(),
  apollo: await freePort(),
  fuzzGateway: await freePort(),
  ...Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await freePort()]))),
} as Record<SubgraphName | "gateway" | "apollo" | "fuzzGateway", number>;
const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`])) as Record<
  SubgraphName,
  string
>;
const trusted = trustedDocuments();
const common: NodeJS.ProcessEnv = {
  ...databases.env,
  SAMRAAD_INTERNAL_PUBLIC_KEYS: internalKeys.publicPem,
  SAMRAAD_INTERNAL_SIGNING_KEY: "",
  SAMRAAD_GRANT_PUBLIC_KEY: grantKeys.publicPem,
  SAMRAAD_GRANT_PRIVATE_KEY: "",
  SAMRAAD_STATEMENT_PUBLIC_KEY: statementKeys.publicPem,
  SAMRAAD_STATEMENT_PRIVATE_KEY: "",
  // The sectors' key for the statistics pseudonyms; the statistics service never gets it.
  SAMRAAD_PSEUDONYM_KEY: randomBytes(32).toString("hex"),
  SAMRAAD_OIDC_ISSUERS: JSON.stringify([issuer.trusted]),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_URL`, subgraphUrls[s.name]])),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_PORT`, String(ports[s.name])])),
  ...generousGatewayLimits(),
  ...trusted?.env,
};
const profiled = new Set(values["cpu-prof"].split(",").filter(Boolean));
const profileDir = join(BENCH_DIR, "results", "profiles", startedAt.toISOString().replace(/[:.]/g, "-"));
const nodeFlags = new Map<string, string[]>();
for (const part of values["node-flags"].split(";")) {
  // "gateway=--max-old-space-size=192 --other": the first "=" ends the service's name.
  const at = part.indexOf("=");
  const flags = part
    .slice(at + 1)
    .trim()
    .split(/\s+/);
  if (at > 0) nodeFlags.set(part.slice(0, at).trim(), flags);
}
// What the app's `npm start` gives node (a heap ceiling), then --node-flags, which can override it.
const nodeOptions = (name: string) => [
  ...(isService(name) ? startFlags(name) : []),
  ...(nodeFlags.get(name) ?? []),
  ...(profiled.has(name) ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
];
const logFileOf = (name: string) => {
  if (!values.logs) return undefined;
  mkdirSync(profileDir, { recursive: true });
  return join(profileDir, `${name}.log`);
};

// 3. The stack, each service its own process, run as production runs it: the bundle
// `npm run build` makes, on plain node (no TypeScript loader). @apollo/gateway the same way.
const APOLLO_GATEWAY_BUNDLE = join(BENCH_DIR, "dist", "apolloGateway.js");
await Promise.all([...SERVICES.map(bundleService), bundle(join(BENCH_DIR, "src", "apolloGateway.ts"), APOLLO_GATEWAY_BUNDLE)]);
const services: Service[] = [];
const stopAll = async () => {
  await Promise.all(services.map(stopService));
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
try {
  // The statistics service extracts once, shortly after start-up, through the gateway as its
  // own machine principal (as in production); workload (e) reads what it extracted.
  const statisticsEnv = {
    ...common,
    SAMRAAD_PSEUDONYM_KEY: "",
    SAMRAAD_GATEWAY_URL: `http://127.0.0.1:${ports.gateway}/graphql`,
    SAMRAAD_STATISTICS_TOKEN: selected.has("e") ? ((await issuer.issue("statistics-extractor"))?.token ?? "") : "",
    // Once a day: the one run the bench waits for, and no second one while it measures.
    SAMRAAD_STATISTICS_EXTRACT_MINUTES: selected.has("e") ? "1440" : "0",
  };
  const envOf = (name: SubgraphName) =>
    name === "boernehus"
      ? { ...common, SAMRAAD_GRANT_PRIVATE_KEY: grantKeys.privatePem }
      : name === "municipality"
        ? { ...common, SAMRAAD_STATEMENT_PRIVATE_KEY: statementKeys.privatePem }
        : name === "statistics"
          ? statisticsEnv
          : common;
  for (const s of SUBGRAPHS) services.push(startService(s.name, bundlePath(s.name), envOf(s.name), nodeOptions(s.name), logFileOf(s.name)));
  const statisticsService = services.find((s) => s.name === "statistics") as Service;
  const extraction = selected.has("e") ? extractionDone(statisticsService, 30 * 60_000) : null;
  extraction?.catch(() => {}); // awaited once the gateway is up
  await Promise.all(services.map((s) => waitUntilReady(s, httpOk(subgraphUrls[s.name as SubgraphName].replace("/graphql", "/readyz")))));
  const gatewayEnv = {
    ...common,
    ...signing,
    GATEWAY_PORT: String(ports.gateway),
    ...(values.planner ? { SAMRAAD_QUERY_PLANNER: values.planner } : {}),
  };
  const gateway = startService("gateway", bundlePath("gateway"), gatewayEnv, nodeOptions("gateway"), logFileOf("gateway"));
  services.push(gateway);
  const apollo = loadWorkloads
    ? startService(
        "apollo-gateway",
        APOLLO_GATEWAY_BUNDLE,
        { ...common, ...signing, APOLLO_GATEWAY_PORT: String(ports.apollo) },
        nodeOptions("apollo-gateway"),
        logFileOf("apollo-gateway"),
      )
    : null;
  if (apollo) services.push(apollo);
  // The fuzz meets a gateway as production runs it: the default limits (the bench's own
  // gateway has them wide open), only the rate limits raised so the fuzz is not cut short.
  const fuzzGateway = selected.has("fuzz")
    ? startService(
        "gateway-fuzz",
        bundlePath("gateway"),
        {
          ...common,
          ...signing,
          ...Object.fromEntries(Object.keys(generousGatewayLimits()).map((key) => [key, ""])),
          SAMRAAD_RATE_LIMIT: "100000000",
          SAMRAAD_RATE_LIMIT_SYSTEM: "100000000",
          GATEWAY_PORT: String(ports.fuzzGateway),
        },
        [...startFlags("gateway"), ...(nodeFlags.get("gateway-fuzz") ?? [])],
        logFileOf("gateway-fuzz"),
      )
    : null;
  if (fuzzGateway) services.push(fuzzGateway);
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  const apolloUrl = `http://127.0.0.1:${ports.apollo}/`;
  await waitUntilReady(gateway, httpOk(`http://127.0.0.1:${ports.gateway}/readyz`));
  if (apollo) await waitUntilReady(apollo, async () => apollo.output.some((line) => line.includes("apollo gateway ready")));
  if (fuzzGateway) await waitUntilReady(fuzzGateway, httpOk(`http://127.0.0.1:${ports.fuzzGateway}/readyz`));
  const atRest = Object.fromEntries(services.map((s) => [s.name, Math.round(memoryOf(s.pid)?.rssMb ?? 0)]));
  console.log(
    `Stack up: ${SUBGRAPHS.length} subgraphs, the Samråd gateway${apollo ? ", @apollo/gateway" : ""}${fuzzGateway ? ", a gateway with the default limits for the fuzz" : ""}; NODE_ENV=production. RSS at rest (MB): ${JSON.stringify(atRest)}.`,
  );

  // The extraction pulls every course through the gateway: it must be over before anything is
  // timed, or it competes with the workloads for the same two cores.
  let extracted: (ExtractionReport & { peakRssMb: number }) | null = null;
  if (extraction) {
    console.log("Waiting for the statistics extraction through the gateway ...");
    // The statistics service's peak memory over its life so far (VmHWM): the extraction's.
    extracted = { ...(await extraction), peakRssMb: Math.round(memoryOf(statisticsService.pid)?.peakRssMb ?? 0) };
    console.log(
      `  extracted ${extracted.courses} courses, ${extracted.assignments} caseworker assignments in ${(extracted.milliseconds / 1000).toFixed(1)} s; statistics service peak RSS ${extracted.peakRssMb} MB`,
    );
  }

  const token = async (persona: string) => (await issuer.issue(persona))?.token as string;
  // x-samraad-csrf: the gateway wants it on every request a browser could send.
  const auth = async (persona: string) => ({ authorization: `Bearer ${await token(persona)}`, "x-samraad-csrf": "bench" });
  /** For the Samråd gateway: the registered hash when trusted documents are on. */
  const body = (query: string, variables: Record<string, unknown>) =>
    JSON.stringify(
      trusted ? { extensions: { persistedQuery: { version: 1, sha256Hash: trusted.hashOf(query) } }, variables } : { query, variables },
    );
  /** For the Apollo peer: the document itself. */
  const text = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const ask = async <T>(url: string, persona: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await auth(persona)) },
      body: body(query, variables),
    });
    const json = (await res.json()) as { data: T; errors?: unknown[] };
    if (json.errors) throw new Error(`${persona}: ${JSON.stringify(json.errors).slice(0, 600)}`);
    return json.data;
  };

  // 4. Fixtures (not timed): cases the viewer takes part in, and planned samråd meetings to record.
  const visible = await ask<{
    boernehusCases: Array<{ id: string; status: string; samraadMeetings: Array<{ kind: string; status: string }> }>;
  }>(gatewayUrl, VIEWER, VISIBLE_CASES, { first: 500 });
  const caseIds = visible.boernehusCases.map((c) => c.id).slice(0, 200);
  // A follow-up samråd can be planned once the planning samråd was held.
  const followUpCases = visible.boernehusCases
    .filter((c) => c.status !== "CLOSED" && c.samraadMeetings.some((m) => m.kind === "PLANNING" && m.status === "HELD"))
    .map((c) => c.id);
  const writes = selected.has("d") ? Number(values.writes) : 0;
  if (caseIds.length === 0 || (writes > 0 && followUpCases.length === 0))
    throw new Error(`${VIEWER} sees too few cases: seed more courses`);
  const viewer = PERSONAS.find((p) => p.id === VIEWER) as (typeof PERSONAS)[number];
  const meetings: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < writes; i++) {
    const planned = await ask<{ planSamraadMeeting: { id: string; version: number } }>(gatewayUrl, VIEWER, PLAN_MEETING, {
      input: {
        caseId: followUpCases[i % followUpCases.length],
        kind: "FOLLOW_UP",
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        agenda: "Opfølgende samråd (bench)",
        participants: [
          { sub: viewer.sub, name: viewer.name, sector: viewer.sector, organisation: viewer.organisation, role: "coordinator" },
        ],
      },
    });
    meetings.push(planned.planSamraadMeeting);
  }
  console.log(
    `Fixtures: ${caseIds.length} cases ${VIEWER} takes part in, ${meetings.length} planned samråd meetings (on ${followUpCases.length} cases) to record.`,
  );

  // 5. Workloads.
  const viewHeaders = await auth(VIEWER);
  const caseViewBodies = caseIds.map((id) => body(CASE_VIEW, { id }));
  const caseViewTexts = caseIds.map((id) => text(CASE_VIEW, { id }));
  const listBody = body(CASE_LIST, { first: 500 });
  const listText = text(CASE_LIST, { first: 500 });
  const principal: Principal = {
    sub: viewer.sub,
    name: viewer.name,
    sector: viewer.sector,
    organisation: viewer.organisation,
    roles: [...viewer.roles],
  } as Principal;
  const results: WorkloadResult[] = [];
  const all = () => services;
  /** One load job, with the RSS peaks and CPU of the processes that serve `target` while it ran. */
  const measure = async (target: string, job: LoadJob): Promise<Measured> => {
    const usage = sampleUsage(all());
    const result = await runLoad(job);
    const { peakRssMb, cpuMs } = usage.stop();
    // The processes that serve this target (not the other gateway's idle ticks).
    const serving = (name: string) =>
      target === "floor"
        ? name.startsWith("floor-")
        : name.startsWith("floor-")
          ? false
          : target === "apollo"
            ? name !== "gateway"
            : target === "direct"
              ? !name.includes("gateway")
              : name !== "apollo-gateway";
    return {
      result,
      peakRssMb,
      cpuMs: Object.fromEntries(Object.entries(cpuMs).filter(([name]) => serving(name) && !name.endsWith("-fuzz"))),
    };
  };
  const record = (workload: string, target: string, { result, peakRssMb, cpuMs }: Measured) => {
    // CPU per answered request.
    const cpuMsPerRequest = Object.fromEntries(
      Object.entries(cpuMs).map(([name, ms]) => [name, result.requests ? Math.round((ms / result.requests) * 100) / 100 : 0]),
    );
    results.push({ workload, target, ...result, peakRssMb, cpuMsPerRequest });
    const l = result.latencyMs;
    console.log(
      `  ${result.name.padEnd(34)} ${String(result.rps).padStart(7)} req/s  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms${result.failures ? `  FAILURES ${result.failures}: ${result.firstFailure}` : ""}`,
    );
    console.log(`  ${"".padEnd(34)} CPU ms/request: ${perProcess(cpuMsPerRequest)}`);
  };
  const run = async (workload: string, target: string, job: LoadJob) => {
    if (!selected.has(workload.slice(0, 1)) && !(workload === "f" && floorRan)) return; // "a-max" is part of a, "b-seq" of b
    record(workload, target, await measure(target, job));
  };
  /**
   * Samråd's gateway against @apollo/gateway: --rounds alternating slices of the same total
   * time each, summed. Measured one after the other, the two figures were minutes apart and
   * a drift in the VM's speed fell on one of them: single runs of the list gave 0.89-1.32×.
   */
  const compare = async (workload: string, ours: LoadJob, peer: LoadJob) => {
    if (!selected.has(workload.slice(0, 1))) return;
    const slices: Record<"samraad" | "apollo", Measured[]> = { samraad: [], apollo: [] };
    for (let round = 0; round < rounds; round++) {
      slices.samraad.push(await measure("samraad", { ...ours, durationSec: ours.durationSec / rounds }));
      slices.apollo.push(await measure("apollo", { ...peer, durationSec: peer.durationSec / rounds }));
    }
    record(workload, "samraad", mergeSlices(slices.samraad));
    record(workload, "apollo", mergeSlices(slices.apollo));
  };
  const http = (name: string, url: string, headers: Record<string, string>, bodies: string[], extra: Partial<LoadJob> = {}): LoadJob =>
    ({
      kind: "http",
      name,
      url,
      headers,
      bodies,
      connections,
      durationSec,
      ...extra,
    }) as LoadJob;

  if (loadWorkloads) {
    console.log("Warming up ...");
    await runLoad(http("warm-up samråd", gatewayUrl, viewHeaders, caseViewBodies, { durationSec: 5, connections: 4 }));
    await runLoad(http("warm-up apollo", apolloUrl, viewHeaders, caseViewTexts, { durationSec: 5, connections: 4 }));
    await runLoad({
      kind: "direct-case-view",
      name: "warm-up direct",
      connections: 2,
      durationSec: 3,
      caseIds,
      subgraphUrls,
      principal,
      scopes: scopesFor(principal),
    });
    console.log("Workloads:");
  }
  // The floor: each subgraph's SQL for a few case views, recorded from PostgreSQL's statement
  // log, sent again by a bare node:http + pg process per subgraph (bench/src/floor.ts).
  let floorRan = false;
  if (values["floor-log"] && values.postgres && loadWorkloads) {
    const recorded = await recordStatements(values["floor-log"], values.postgres, caseIds.slice(0, 10), (id) =>
      ask(gatewayUrl, VIEWER, CASE_VIEW, { id }),
    );
    const floorBundle = join(BENCH_DIR, "dist", "floor.js");
    await bundle(join(BENCH_DIR, "src", "floor.ts"), floorBundle);
    const floorUrls: Record<string, string> = {};
    const floors: Service[] = [];
    for (const s of SUBGRAPHS.filter((s) => s.name !== "statistics")) {
      const file = join(DATA_DIR, `floor-${s.name}.json`);
      writeFileSync(file, JSON.stringify(recorded.map((view) => view[s.name] ?? [])));
      const port = await freePort();
      floorUrls[s.name] = `http://127.0.0.1:${port}`;
      const floor = startService(`floor-${s.name}`, floorBundle, {
        FLOOR_DATABASE_URL: databases.urls[s.name] as string,
        FLOOR_PORT: String(port),
        FLOOR_STATEMENTS: file,
      });
      floors.push(floor);
      services.push(floor);
    }
    for (const floor of floors) await waitUntilReady(floor, async () => floor.output.some((line) => line.includes("floor ready")));
    const counts = SUBGRAPHS.map((s) => `${s.name} ${recorded[0]?.[s.name]?.length ?? 0}`).join(", ");
    console.log(`Floor: statements per case view as recorded: ${counts}`);
    await runLoad({ kind: "floor-case-view", name: "warm-up floor", connections: 1, durationSec: 2, caseIds, floorUrls });
    floorRan = true;
    await run("f", "floor", {
      kind: "floor-case-view",
      name: "(f) floor: node:http + pg, 1 at a time",
      connections: 1,
      durationSec,
      caseIds,
      floorUrls,
    });
  }
  // (a) case view at a fixed 100 requests/s: the latency a user sees at a realistic load.
  await run(
    "a",
    "samraad",
    http(`(a) case view @${rate} rps, Samråd`, gatewayUrl, viewHeaders, caseViewBodies, { overallRate: rate, connections: 10 }),
  );
  await run(
    "a",
    "apollo",
    http(`(a) case view @${rate} rps, Apollo`, apolloUrl, viewHeaders, caseViewTexts, { overallRate: rate, connections: 10 }),
  );
  // (a) at saturation: throughput.
  await compare(
    "a-max",
    http(`(a) case view max, Samråd`, gatewayUrl, viewHeaders, caseViewBodies),
    http(`(a) case view max, Apollo`, apolloUrl, viewHeaders, caseViewTexts),
  );
  // (a) vs (b), one request at a time and the same client: what the gateway adds.
  await run("a-seq", "samraad", {
    kind: "gateway-case-view",
    name: "(a) case view, 1 at a time",
    connections: 1,
    durationSec,
    caseIds,
    gatewayUrl,
    headers: viewHeaders,
    bodies: caseViewBodies,
  });
  await run("b-seq", "direct", {
    kind: "direct-case-view",
    name: "(b) direct critical path, 1 at a time",
    connections: 1,
    durationSec,
    caseIds,
    subgraphUrls,
    principal,
    scopes: scopesFor(principal),
  });
  // (c) a list of 500 cases, fields from all four subgraphs.
  const leaderHeaders = await auth(LEADER);
  await compare(
    "c",
    http("(c) list of 500 cases, Samråd", gatewayUrl, leaderHeaders, [listBody], { connections: 2 }),
    http("(c) list of 500 cases, Apollo", apolloUrl, leaderHeaders, [listText], { connections: 2 }),
  );
  // (d) recording a samråd: held, minutes, decisions. Each request records another planned meeting.
  const writeBodies = meetings.map((m) =>
    body(RECORD_DECISIONS, {
      input: {
        meetingId: m.id,
        version: m.version,
        heldAt: new Date().toISOString(),
        minutes: "Samrådet drøftede sagen og aftalte aktiviteterne (bench).",
        decisions: [
          { activity: "VIDEO_INTERVIEW", decision: "Videoafhøring gennemføres", responsibleSector: "POLICE" },
          { activity: "CRISIS_SUPPORT", decision: "Krisestøtte til barnet", responsibleSector: "BOERNEHUS" },
        ],
      },
    }),
  );
  await run(
    "d",
    "samraad",
    http("(d) record a samråd (write)", gatewayUrl, viewHeaders, writeBodies, { amount: writeBodies.length, connections: 4 }),
  );
  // (e) the national statistics query, over the facts the statistics service extracted.
  if (extracted) {
    await run(
      "e",
      "samraad",
      http("(e) national statistics", gatewayUrl, await auth(STATISTICS_PERSONA), [body(STATISTICS_TABLE, statisticsVariables())], {
        connections: 1,
      }),
    );
  }

  // (fuzz) hostile requests against the production gateway with the default limits: the
  // suite's oracle (tests/fuzz/runner.ts), at volume. Cases the Hovedstaden leader sees
  // in other municipalities must never reach Frederiksberg's caseworker.
  let fuzz: FuzzReport | undefined;
  if (fuzzGateway) {
    const leaderCases = (
      await ask<{ boernehusCases: Array<{ id: string; municipalityCode: string }> }>(gatewayUrl, LEADER, FUZZ_CASES, { first: 500 })
    ).boernehusCases;
    const frb = PERSONAS.find((p) => p.id === "caseworker-frb");
    console.log(`Fuzz: ${fuzzRuns} hostile requests against the gateway with the default limits ...`);
    let shown = 0;
    fuzz = await runFuzz(
      {
        gatewayUrl: `http://127.0.0.1:${ports.fuzzGateway}/graphql`,
        token,
        trustedDocuments: trusted?.documents,
        caseIds: [...caseIds, ...leaderCases.map((c) => c.id)],
        forbidden: { "caseworker-frb": leaderCases.filter((c) => c.municipalityCode !== frb?.organisation).map((c) => c.id) },
        production: true,
      },
      {
        runs: fuzzRuns,
        personas: DEFAULT_FUZZ_PERSONAS,
        concurrency: Math.min(connections, 8),
        onProgress(report) {
          const done = report.runs + report.notSent;
          if (done - shown < fuzzRuns / 20 && done < fuzzRuns) return;
          shown = done;
          const violations = Object.values(report.violations).reduce((a, b) => a + b, 0);
          console.log(`  ${done} cases, ${violations} violations`);
        },
      },
    );
    const violations = Object.values(fuzz.violations).reduce((a, b) => a + b, 0);
    console.log(
      `  (fuzz) ${fuzz.runs} cases in ${fuzz.seconds} s (${fuzz.casesPerSecond} cases/s), ${fuzz.withData} with data, ${fuzz.streams} subscription streams, ${violations} violations${violations ? `: ${JSON.stringify(fuzz.violations)}` : ""}`,
    );
    if (violations) process.exitCode = 1;
  }

  // (live) 50 open pages on one case, one write at a time: fan-out latency and its CPU.
  let live: LiveResult | undefined;
  if (selected.has("live")) {
    const open = (
      await ask<{ boernehusCases: Array<{ id: string; status: string; samraadMeetings: Array<{ id: string; scheduledAt: string }> }> }>(
        gatewayUrl,
        VIEWER,
        LIVE_MEETINGS,
        { first: 200 },
      )
    ).boernehusCases.find((c) => c.status !== "CLOSED" && c.samraadMeetings.length > 0);
    if (!open) throw new Error(`${VIEWER} has no open case with a samråd meeting: seed more courses`);
    const meeting = open.samraadMeetings[0] as { id: string; scheduledAt: string };
    const subscribers = Number(values.subscribers);
    const liveWrites = Number(values["live-writes"]);
    console.log(`(live) ${subscribers} subscribers on one case, ${liveWrites} writes with and without them ...`);
    live = await runLive({
      gatewayUrl,
      headers: viewHeaders,
      body,
      caseId: open.id,
      meetingId: meeting.id,
      dueAt: new Date(Math.max(Date.now(), Date.parse(meeting.scheduledAt)) + 7 * 86_400_000).toISOString(),
      subscribers,
      writes: liveWrites,
      services: services.filter((s) => !["apollo-gateway", "gateway-fuzz"].includes(s.name)),
    });
    console.log(
      `  (live) all ${subscribers} have the change: p50 ${live.allHaveItMs.p50} ms, p99 ${live.allHaveItMs.p99} ms (each: p50 ${live.eachHasItMs.p50} ms, p99 ${live.eachHasItMs.p99} ms; the write itself p50 ${live.writeMs.p50} ms)${live.missed ? `; MISSED ${live.missed}` : ""}`,
    );
    console.log(`  (live) extra CPU ms per write: ${perProcess(live.cpuMsPerWrite.extra)}`);
  }

  // 6. Report.
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    note: values.note,
    courses,
    database: databases.kind,
    seeding,
    settings: {
      workloads: [...selected].join(","),
      durationSec,
      rate,
      connections,
      rounds,
      writes,
      fuzzRuns: selected.has("fuzz") ? fuzzRuns : 0,
      planner: values.planner || "default (Rust)",
      nodeFlags: values["node-flags"] || "none",
    },
    machine: { atStart: machineAtStart, atEnd: machine() },
    rssAtRestMb: atRest,
    node: process.version,
    statistics: extracted
      ? `extraction through the gateway: ${extracted.courses} courses, ${extracted.assignments} assignments in ${(extracted.milliseconds / 1000).toFixed(1)} s, statistics service peak RSS ${extracted.peakRssMb} MB; (e) is the ${JSON.stringify(statisticsVariables())} table as ${STATISTICS_PERSONA}`
      : "not run",
    results,
    ...(fuzz ? { fuzz: { ...fuzz, failures: fuzz.failures.slice(0, 10) } } : {}),
    ...(live ? { live } : {}),
    targets: [],
  };
  report.targets = targetsOf(report);
  printTable(report);
  const written = writeReport(report, join(BENCH_DIR, "results"));
  console.log(`\nWrote ${written.json} and ${written.markdown}`);
} finally {
  await stopAll();
}

/** The load runs in its own process, so its CPU is not counted against the gateway's. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const dir = join(tmpdir(), "samraad-bench");
  mkdirSync(dir, { recursive: true });
  const id = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const jobPath = join(dir, `${id}.job.json`);
  const resultPath = join(dir, `${id}.result.json`);
  writeFileSync(jobPath, JSON.stringify(job));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(BENCH_DIR, "src/load.ts"), jobPath, resultPath], {
      cwd: BENCH_DIR,
      env: { ...process.env, ...signing },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`load process for ${job.name} exited ${code}`))));
  });
  return JSON.parse(readFileSync(resultPath, "utf8")) as LoadResult;
}

/**
 * Switches PostgreSQL's statement log on (ALTER SYSTEM, superuser), sends each case view
 * through the gateway one at a time, and reads back what each subgraph's database was sent
 * for it; then switches the log off again.
 */
async function recordStatements(
  logPath: string,
  postgresUrl: string,
  ids: string[],
  view: (id: string) => Promise<unknown>,
): Promise<Array<Record<string, Statement[]>>> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const views: Array<Record<string, Statement[]>> = [];
  try {
    await admin.query("ALTER SYSTEM SET log_statement = 'all'");
    await admin.query("ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '");
    await admin.query("SELECT pg_reload_conf()");
    await settle();
    const record = async (id: string) => {
      const from = statSync(logPath).size;
      await view(id);
      await settle();
      const log = readFileSync(logPath).subarray(from).toString("utf8");
      return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, statementsOf(log, `samraad_bench_${courses}_${s.name}`)]));
    };
    // Each view twice, and per subgraph the shorter recording: a periodic job's statements (an
    // alert scan's hundred INSERTs) that land in a view's window only ever add to it, and once
    // made the børnehus's floor replay them with one view in ten (its floor 1.44 ms, not 0.9).
    for (const id of ids) {
      const [first, second] = [await record(id), await record(id)];
      views.push(
        Object.fromEntries(
          SUBGRAPHS.map((s) => {
            const [a = [], b = []] = [first[s.name], second[s.name]];
            return [s.name, b.length < a.length ? b : a];
          }),
        ),
      );
    }
  } finally {
    await admin.query("ALTER SYSTEM RESET log_statement");
    await admin.query("ALTER SYSTEM RESET log_line_prefix");
    await admin.query("SELECT pg_reload_conf()");
    await admin.end();
  }
  return views;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The gateway's limits (rate limits per principal, query limits) set wide open: the bench measures speed, not the limits. */
function generousGatewayLimits(): Record<string, string> {
  return {
    SAMRAAD_RATE_LIMIT: "100000000",
    SAMRAAD_RATE_LIMIT_SYSTEM: "100000000",
    SAMRAAD_MAX_COST: "100000000",
    SAMRAAD_MAX_DEPTH: "100",
    SAMRAAD_MAX_TOKENS: "100000",
    SAMRAAD_MAX_ALIASES: "1000",
    SAMRAAD_MAX_REQUEST_BYTES: "10000000",
    SAMRAAD_UPSTREAM_TIMEOUT_MS: "120000",
    SAMRAAD_REQUEST_DEADLINE_MS: "120000",
  };
}

/**
 * Production accepts only registered documents from people (trusted documents, when the
 * gateway has them): the bench registers its own in a manifest of the web app's format and
 * sends their hashes, as the web app does. The Apollo peer and the direct calls get the text.
 */
function trustedDocuments(): { env: Record<string, string>; hashOf(query: string): string; documents: Record<string, string> } | null {
  if (!gatewayMentions("SAMRAAD_TRUSTED_DOCUMENTS")) return null;
  const hashOf = (query: string) => createHash("sha256").update(query).digest("hex");
  const documents = [...ALL_DOCUMENTS, STATISTICS_TABLE, LIVE_CASE, LIVE_ADD_ITEM, LIVE_MEETINGS];
  const manifest = Object.fromEntries(documents.map((d) => [hashOf(d), d]));
  const path = join(DATA_DIR, "trusted-documents.json");
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return { env: { SAMRAAD_TRUSTED_DOCUMENTS: path }, hashOf, documents: manifest };
}

function gatewayMentions(text: string): boolean {
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") && readFileSync(join(dir, e.name), "utf8").includes(text),
    );
  return walk(join(REPO_ROOT, "apps/gateway/src"));
}

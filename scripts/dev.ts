/**
 * npm run dev: the whole of Samråd on this machine.
 * Composes the supergraph, seeds the demo data on first start (PGlite under .data/, a
 * world that ends at that start and then ages; see demoWorld.ts),
 * starts the four subgraphs and the gateway (and the web app when it exists), prints
 * the URLs and a sample query with a demo token, and stops everything on Ctrl-C.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";
import { listenAddressFromEnv, serviceUrl } from "@samraad/observability";
import { DEMO_WORLD, DEMO_WORLD_MAX_AGE_DAYS, readSeededWorld, worldAgeDays, writeSeededWorld } from "./demoWorld.ts";
import { progressBar, seedAll } from "./seeding.ts";
import { type DevService, runKeys, serviceEnvs } from "./serviceEnv.ts";

const DATA_DIR = process.env.SAMRAAD_DATA_DIR ?? join(REPO_ROOT, ".data");
const DEMO_COURSES = Number(process.env.SAMRAAD_DEMO_COURSES ?? DEMO_WORLD.courses);
const COLORS = ["\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[32m", "\x1b[34m", "\x1b[31m"];

// Keys made per run (serviceEnv.ts): the gateway's Ed25519 key pair for signing subgraph
// requests (only the gateway gets the private key, the subgraphs its public key), and the
// børnehus's key pair for case access grants (only the børnehus gets the private key).
// The gateway runs the development issuer (SAMRAAD_DEV_ISSUER=1), and says so at start.
/** Where a service listens (<NAME>_HOST / <NAME>_PORT, default loopback and its port) and how to reach it from here. */
function local(name: string, defaultPort: number): string {
  const { host, port } = listenAddressFromEnv(name, defaultPort, process.env);
  return serviceUrl(host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host, port, "");
}
const GATEWAY = local("gateway", 4000);
const WEB = local("web", 5173);
const envs = serviceEnvs(await runKeys(process.env), { base: process.env, gatewayUrl: `${GATEWAY}/graphql` });

const services = [
  { name: "municipality", dir: "apps/municipality", health: `${local("municipality", 4001)}/readyz` },
  { name: "police", dir: "apps/police", health: `${local("police", 4002)}/readyz` },
  { name: "health", dir: "apps/health", health: `${local("health", 4003)}/readyz` },
  { name: "boernehus", dir: "apps/boernehus", health: `${local("boernehus", 4004)}/readyz` },
  { name: "statistics", dir: "apps/statistics", health: `${local("statistics", 4005)}/readyz` },
];
const gatewayService = { name: "gateway", dir: "apps/gateway", health: `${GATEWAY}/readyz` };
const webService = { name: "web", dir: "apps/web", health: `${WEB}/` };

const children: ChildProcess[] = [];

// node itself with tsx's loader, not the tsx CLI: one process per service, so a signal
// reaches the server that has to drain, and nothing is left behind.
const NODE_TS = [process.execPath, "--import", "tsx", "src/server.ts"];

/** A subgraph's key for its audit checkpoints, kept beside the demo data so that `npm run audit:verify` can check them later. */
function auditCheckpointKey(name: string): string {
  const dir = join(DATA_DIR, "audit-keys");
  const file = join(dir, `${name}.pem`);
  if (!existsSync(file)) {
    const pair = generateKeyPairSync("ed25519");
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, pair.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(join(dir, `${name}.pub.pem`), pair.publicKey.export({ type: "spki", format: "pem" }));
  }
  return readFileSync(file, "utf8");
}

/** The service's keys (serviceEnv.ts); each sector also anchors its audit chain outside its database, with its own key. */
function envOf(name: DevService): NodeJS.ProcessEnv {
  if (!["municipality", "police", "health", "boernehus"].includes(name)) return envs[name];
  return {
    ...envs[name],
    SAMRAAD_AUDIT_CHECKPOINT_DIR: process.env.SAMRAAD_AUDIT_CHECKPOINT_DIR ?? join(DATA_DIR, "audit-checkpoints"),
    SAMRAAD_AUDIT_CHECKPOINT_KEY: auditCheckpointKey(name),
  };
}

/** Restarts of a service that keeps exiting: after this many within RESTART_WINDOW_MS it is left down. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
const restarts = new Map<string, number[]>();

function start(service: { name: string; dir: string }, index: number, command = NODE_TS) {
  const color = COLORS[index % COLORS.length];
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: join(REPO_ROOT, service.dir),
    env: envOf(service.name as DevService),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `${color}${service.name.padEnd(12)}\x1b[0m| `;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  // One service going down leaves the others up: the web app shows that sector as unavailable.
  child.on("exit", (code, signal) => {
    children.splice(children.indexOf(child), 1);
    if (stopping) return;
    const now = Date.now();
    const recent = (restarts.get(service.name) ?? []).filter((at) => now - at < RESTART_WINDOW_MS);
    if (recent.length >= MAX_RESTARTS) {
      console.error(
        `${prefix}exited (${signal ?? code}) again; left down after ${MAX_RESTARTS} restarts in a minute. The other services keep running.`,
      );
      return;
    }
    restarts.set(service.name, [...recent, now]);
    console.error(`${prefix}exited (${signal ?? code}); the other services keep running. Restarting it in 3 s ...`);
    setTimeout(() => {
      if (!stopping) start(service, index, command);
    }, 3_000);
  });
  children.push(child);
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become ready in ${timeoutMs / 1000}s`);
}

let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping...");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

// 1. The supergraph the gateway serves.
await new Promise<void>((resolve, reject) => {
  const compose = spawn(join(REPO_ROOT, "node_modules", ".bin", "tsx"), ["apps/gateway/src/compose/composeCli.ts"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  compose.on("exit", (code) => (code === 0 ? resolve() : reject(new Error("composition failed"))));
});

// 2. Demo data (before the subgraphs open their databases): on first start a world that
// ends now; a world that has aged past DEMO_WORLD_MAX_AGE_DAYS starts again from today.
const marker = join(DATA_DIR, "seeded.json");
const usesPostgres = services.some((s) => process.env[`${s.name.toUpperCase()}_DATABASE_URL`]);
if (!usesPostgres) {
  const seeded = readSeededWorld(marker);
  const startedAt = new Date();
  const age = seeded ? worldAgeDays(seeded, startedAt) : 0;
  const reseed = !seeded
    ? existsSync(DATA_DIR)
      ? "The demo data in .data/ does not say when its world ends"
      : "First start"
    : age > DEMO_WORLD_MAX_AGE_DAYS
      ? `The demo world ended ${seeded.until.slice(0, 10)}, ${age} days ago, and its open cases are past every deadline`
      : null;
  if (reseed) {
    const world = { ...DEMO_WORLD, courses: DEMO_COURSES, until: startedAt.toISOString() };
    console.log(`${reseed}: seeding ${world.courses} synthetic courses into .data/, in a world that ends now (${world.until}) ...`);
    rmSync(DATA_DIR, { recursive: true, force: true });
    await seedAll({ ...world, onProgress: progressBar("Seeding") });
    writeSeededWorld(marker, world);
  }
}

// 3. Subgraphs, then the gateway, then the web app.
for (const [i, s] of services.entries()) start(s, i);
await Promise.all(services.map((s) => waitFor(s.health)));
start(gatewayService, services.length);
await waitFor(gatewayService.health);
const hasWeb = existsSync(join(REPO_ROOT, webService.dir, "package.json"));
if (hasWeb) {
  start(webService, services.length + 1, [
    join(REPO_ROOT, "node_modules", ".bin", "vite"),
    "--port",
    String(listenAddressFromEnv("web", 5173, process.env).port),
    "--strictPort",
    "--host",
    listenAddressFromEnv("web", 5173, process.env).host,
  ]);
  await waitFor(webService.health);
}

// 4. Where everything is, and a query to try.
const token = (await (
  await fetch(`${GATEWAY}/dev/token`, { method: "POST", body: JSON.stringify({ persona: "coordinator-hovedstaden" }) })
).json()) as {
  token: string;
};
console.log(`
Samråd is running.
  Gateway (GraphQL):  ${GATEWAY}/graphql
  Demo personas:      ${GATEWAY}/dev/personas   (token: POST /dev/token {"persona": "<id>"})
${hasWeb ? `  Web app:            ${WEB}/\n` : ""}  Subgraphs:          ${services.map((s) => s.health.replace("/readyz", "")).join(", ")} (only answer requests signed by the gateway)

Try, as the børnehus coordinator for Hovedstaden:
  curl -s ${GATEWAY}/graphql -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${token.token}' \\
    -d '{"query":"{ boernehusCases(first: 3) { id status referralReceivedAt child { firstName } policeReport { journalNumber } medicalExaminations { kind } } }"}'

Ctrl-C stops everything.`);

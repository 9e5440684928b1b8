/**
 * Benchmark: what an audit append costs, the step every subgraph request waits for before it
 * answers (fail closed).
 *   TEST_DATABASE=postgres TEST_POSTGRES_URL=postgresql://… npx tsx packages/audit/bench/appends.ts [--appends 2000] [--concurrent 400]
 * Without TEST_DATABASE=postgres it runs on in-memory PGlite.
 *
 * Prints the latency of appends made one after another (a quiet subgraph: every request is a
 * batch of one) and the rate of appends made many at once (a busy subgraph: group commit), into
 * a throwaway database with the platform migrations only.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createEmptyTestDatabase, migrate } from "@samraad/db";
import { type AuditEntry, AuditLog } from "../src/index.ts";

const { values } = parseArgs({ options: { appends: { type: "string", default: "2000" }, concurrent: { type: "string", default: "400" } } });
const appends = Number(values.appends);
const concurrent = Number(values.concurrent);

const entry = (i: number): AuditEntry => ({
  at: new Date(),
  requestId: `bench-${i}`,
  actorSub: "persona:coordinator-hovedstaden",
  actorSector: "BOERNEHUS",
  actorOrg: "HOVEDSTADEN",
  purpose: "CASEWORK",
  action: "READ",
  decision: "ALLOWED",
  caseIds: [`case-${i % 200}`],
  childIds: [`child-${i % 200}`],
  fieldPaths: ["BoernehusCase.status", "SamraadMeeting.plannedAt", "FinalNote.status"],
});

const db = await createEmptyTestDatabase("audit-bench");
try {
  await migrate(db.url, fileURLToPath(new URL("../test/no-migrations", import.meta.url)));
  const log = new AuditLog(db.url);
  for (let i = 0; i < 50; i++) await log.append(entry(i)); // warm-up: connections, plans, JIT

  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < appends; i++) {
    const start = performance.now();
    await log.append(entry(i));
    latencies.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2);

  const burstStart = performance.now();
  await Promise.all(Array.from({ length: concurrent }, (_, i) => log.append(entry(i))));
  const burstMs = performance.now() - burstStart;

  const verified = await log.verify();
  await log.close();
  console.log(`audit appends on ${process.env.TEST_DATABASE === "postgres" ? "PostgreSQL" : "PGlite"}`);
  console.log(
    `  one at a time (${appends}): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, client CPU ${((cpu.user + cpu.system) / 1000 / appends).toFixed(3)} ms per append`,
  );
  console.log(`  ${concurrent} at once: ${Math.round((concurrent / burstMs) * 1000)} appends/s (${burstMs.toFixed(0)} ms)`);
  console.log(`  chain verifies: ${verified.ok} (${verified.entries} entries)`);
} finally {
  await db.drop();
}

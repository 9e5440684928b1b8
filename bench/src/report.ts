import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FuzzReport } from "@samraad/tests/fuzz";
import type { SeedReport } from "./databases.ts";
import type { LiveResult } from "./live.ts";
import type { LoadResult } from "./load.ts";

export interface WorkloadResult extends LoadResult {
  workload: string;
  target: "samraad" | "apollo" | "direct" | string;
  /** Peak resident set size per process while this workload ran, MB. */
  peakRssMb: Record<string, number>;
  /** CPU time per request of each process serving the workload, ms (from /proc; 10 ms ticks). */
  cpuMsPerRequest: Record<string, number>;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  note: string;
  courses: number;
  database: "postgres" | "pglite";
  seeding: SeedReport;
  settings: Record<string, unknown>;
  machine: { atStart: object; atEnd: object };
  /** Each service's resident set size once the stack is up, before any load, MB. */
  rssAtRestMb: Record<string, number>;
  node: string;
  statistics: string;
  results: WorkloadResult[];
  /** The fuzz workload: hostile requests against a production gateway with the default limits (first failures only). */
  fuzz?: FuzzReport;
  /** The live workload: fan-out of one write to the subscribers of its case (docs/live.md). */
  live?: LiveResult;
  targets: Target[];
}

const find = (report: BenchReport, workload: string, target: string) =>
  report.results.find((r) => r.workload === workload && r.target === target);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The issue's targets, measured (reported, never asserted). */
export function targetsOf(report: BenchReport): Target[] {
  const targets: Target[] = [];
  const a = find(report, "a", "samraad");
  if (a)
    targets.push({
      name: "case view p99 at 100 rps",
      goal: "≤ 25 ms",
      measured: `${a.latencyMs.p99} ms`,
      met: a.latencyMs.p99 <= 25 && a.failures === 0,
    });
  const [mine, apollo] = [find(report, "a-max", "samraad"), find(report, "a-max", "apollo")];
  if (mine && apollo) {
    const ratio = mine.rps / apollo.rps;
    targets.push({
      name: "throughput vs @apollo/gateway (case view, same connections)",
      goal: "≥ 3×",
      measured: `${round(ratio)}× (${mine.rps} vs ${apollo.rps} req/s; p99 ${mine.latencyMs.p99} vs ${apollo.latencyMs.p99} ms)`,
      met: ratio >= 3,
    });
  }
  const [viaGateway, direct] = [find(report, "a-seq", "samraad"), find(report, "b-seq", "direct")];
  if (viaGateway && direct) {
    const ratio = viaGateway.latencyMs.p50 / direct.latencyMs.p50;
    targets.push({
      name: "gateway latency vs the direct critical path (p50, one at a time)",
      goal: "≤ 1.3×",
      measured: `${round(ratio)}× (${viaGateway.latencyMs.p50} vs ${direct.latencyMs.p50} ms; p99 ${viaGateway.latencyMs.p99} vs ${direct.latencyMs.p99} ms)`,
      met: ratio <= 1.3,
    });
  }
  // The gateway's own CPU against @apollo/gateway's in the same run (issue 24: at most 0.7×).
  const cpuRatio = (workload: string, what: string) => {
    const [ours, peer] = [find(report, workload, "samraad"), find(report, workload, "apollo")];
    const [mineMs, peerMs] = [ours?.cpuMsPerRequest.gateway, peer?.cpuMsPerRequest["apollo-gateway"]];
    if (!mineMs || !peerMs) return;
    targets.push({
      name: `gateway CPU per ${what} vs @apollo/gateway's`,
      goal: "≤ 0.7×",
      measured: `${round(mineMs / peerMs)}× (${mineMs} vs ${peerMs} ms)`,
      met: mineMs / peerMs <= 0.7,
    });
  };
  cpuRatio("a-max", "case view (saturation)");
  cpuRatio("c", "500-case list");
  const list = find(report, "c", "samraad");
  if (list) {
    const total = Object.entries(list.cpuMsPerRequest)
      .filter(([name]) => !name.startsWith("floor-"))
      .reduce((sum, [, ms]) => sum + ms, 0);
    targets.push({
      name: "installation CPU per 500-case list (every service)",
      goal: "≤ 150 ms",
      measured: `${round(total, 1)} ms`,
      met: total <= 150,
    });
  }
  // Each subgraph's CPU per case view (straight from the subgraphs, one at a time) over the
  // floor's: node:http and pg sending the same statements (bench/src/floor.ts).
  const [directSeq, floor] = [find(report, "b-seq", "direct"), find(report, "f", "floor")];
  if (directSeq && floor) {
    for (const [name, floorMs] of Object.entries(floor.cpuMsPerRequest)) {
      const subgraph = name.replace(/^floor-/, "");
      const ms = directSeq.cpuMsPerRequest[subgraph];
      if (!ms || !floorMs) continue;
      targets.push({
        name: `${subgraph} CPU per case view vs the floor`,
        goal: "≤ 3×",
        measured: `${round(ms / floorMs)}× (${ms} vs ${floorMs} ms)`,
        met: ms / floorMs <= 3,
      });
    }
  }
  const e = find(report, "e", "samraad");
  const ran = String(report.settings.workloads ?? "e").split(",");
  if (ran.includes("e"))
    targets.push(
      e
        ? {
            name: "national statistics",
            goal: "≤ 1 s",
            measured: `p99 ${e.latencyMs.p99} ms`,
            met: e.latencyMs.p99 <= 1000 && e.failures === 0,
          }
        : { name: "national statistics", goal: "≤ 1 s", measured: "not run (no statistics extraction)", met: null },
    );
  if (report.fuzz) {
    const violations = Object.values(report.fuzz.violations).reduce((a, b) => a + b, 0);
    targets.push({
      name: "fuzz: hostile requests without a 5xx, internals, an uncoded error or data beyond the principal's rights",
      goal: "0 violations",
      measured: `${violations} in ${report.fuzz.runs} cases (${report.fuzz.casesPerSecond} cases/s)`,
      met: violations === 0,
    });
  }
  if (report.live) {
    const l = report.live;
    targets.push({
      name: `live: all ${l.subscribers} subscribers of a case have one write's change`,
      goal: "≤ 2 s (p99)",
      measured: `p50 ${l.allHaveItMs.p50} ms, p99 ${l.allHaveItMs.p99} ms over ${l.writes} writes${l.missed ? `, ${l.missed} missed` : ""}; extra CPU per write ${Object.entries(
        l.cpuMsPerWrite.extra,
      )
        .filter(([, ms]) => ms !== 0)
        .map(([n, ms]) => `${n} ${ms} ms`)
        .join(", ")}`,
      met: l.allHaveItMs.p99 <= 2_000 && l.missed === 0,
    });
  }
  const peaks = new Map<string, number>();
  for (const r of report.results) for (const [name, mb] of Object.entries(r.peakRssMb)) peaks.set(name, Math.max(peaks.get(name) ?? 0, mb));
  const services = [...peaks].filter(([name]) => name !== "apollo-gateway");
  const worst = services.sort((x, y) => y[1] - x[1])[0];
  if (worst) {
    targets.push({
      name: "RSS per service under load",
      goal: "≤ 300 MB",
      measured: `${services.map(([n, mb]) => `${n} ${mb}`).join(", ")} MB`,
      met: worst[1] <= 300,
    });
  }
  return targets;
}

const mark = (met: boolean | null) => (met === null ? "n/a" : met ? "met" : "MISSED");

function rows(report: BenchReport): string[][] {
  return report.results.map((r) => [
    r.workload,
    r.target,
    r.name,
    String(r.requests),
    String(r.rps),
    String(r.latencyMs.p50),
    String(r.latencyMs.p95),
    String(r.latencyMs.p99),
    String(r.failures),
    perProcess(r.peakRssMb),
    perProcess(r.cpuMsPerRequest ?? {}),
  ]);
}
const HEADER = ["", "target", "workload", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "failed", "peak RSS MB", "CPU ms/request"];

export function perProcess(values: Record<string, number>): string {
  return Object.entries(values)
    .map(
      ([n, v]) =>
        `${n.replace("municipality", "mun").replace("boernehus", "bh").replace("statistics", "stat").replace("apollo-gateway", "apollo")} ${v}`,
    )
    .join(", ");
}

export function printTable(report: BenchReport): void {
  const table = [HEADER, ...rows(report)].map((row) => row.slice(1, 9));
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length))) ?? [];
  console.log("");
  for (const row of table)
    console.log(row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  "));
  if (report.fuzz) console.log(`\n${fuzzLine(report.fuzz)}`);
  console.log("\nTargets (reported, not asserted):");
  for (const t of report.targets) console.log(`  [${mark(t.met)}] ${t.name}: ${t.measured} (goal ${t.goal})`);
}

function fuzzLine(fuzz: FuzzReport): string {
  const violations = Object.values(fuzz.violations).reduce((a, b) => a + b, 0);
  return (
    `Fuzz: ${fuzz.runs} cases (${fuzz.notSent} not sendable) in ${fuzz.seconds} s, ${fuzz.casesPerSecond} cases/s, seed ${fuzz.seed}; ` +
    `${fuzz.withData} answered with data; ${violations} violations${violations ? ` ${JSON.stringify(fuzz.violations)}` : ""}. ` +
    `By status ${JSON.stringify(fuzz.byStatus)}.`
  );
}

export function markdownOf(report: BenchReport): string {
  const table = [HEADER.slice(1), HEADER.slice(1).map(() => "---"), ...rows(report).map((r) => r.slice(1))].map(
    (r) => `| ${r.join(" | ")} |`,
  );
  return [
    `# Bench ${report.startedAt}`,
    "",
    `${report.courses} courses in ${report.database === "postgres" ? "PostgreSQL" : "PGlite"}; ` +
      `seeding ${report.seeding.reused ? "reused from an earlier run, which seeded" : "took"} ${round(report.seeding.seconds, 0)} s (${report.seeding.coursesPerSecond} courses/s). ` +
      `Node ${report.node}. Machine at start ${JSON.stringify(report.machine.atStart)}, at end ${JSON.stringify(report.machine.atEnd)}.`,
    report.note ? `\n${report.note}` : "",
    "",
    `Settings: ${JSON.stringify(report.settings)}. Statistics: ${report.statistics}. RSS at rest (MB): ${JSON.stringify(report.rssAtRestMb)}.`,
    "",
    ...table,
    "",
    ...(report.fuzz
      ? [
          "## Fuzz",
          "",
          fuzzLine(report.fuzz),
          "",
          `Error codes: ${JSON.stringify(report.fuzz.byCode)}.`,
          "",
          ...(report.fuzz.failures.length
            ? ["First failures:", "", "```json", JSON.stringify(report.fuzz.failures, null, 2), "```", ""]
            : []),
        ]
      : []),
    "## Targets (reported, not asserted)",
    "",
    ...report.targets.map((t) => `- **${mark(t.met)}** ${t.name}: ${t.measured} (goal ${t.goal})`),
    "",
  ].join("\n");
}

export function writeReport(report: BenchReport, dir: string): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const stem = report.startedAt.replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z");
  const json = join(dir, `${stem}.json`);
  const markdown = join(dir, `${stem}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, markdownOf(report));
  return { json, markdown };
}

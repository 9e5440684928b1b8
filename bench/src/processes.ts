import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { dirname } from "node:path";

/** A service the bench started: its own process, so its memory and CPU are its own. */
export interface Service {
  name: string;
  pid: number;
  child: ChildProcess;
  /** The last lines it wrote, shown when it fails. */
  output: string[];
}

/**
 * Plain node on a built bundle (`npm run build`, as production runs them), NODE_ENV=production.
 * With `logFile`, all it writes is kept there too (e.g. its --trace-gc lines).
 */
export function startService(name: string, bundle: string, env: NodeJS.ProcessEnv, nodeOptions: string[] = [], logFile?: string): Service {
  const child = spawn(process.execPath, [...nodeOptions, bundle], {
    cwd: dirname(dirname(bundle)),
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const log = logFile ? createWriteStream(logFile) : null;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      log?.write(chunk);
      output.push(...chunk.toString().split("\n").filter(Boolean));
      if (output.length > 40) output.splice(0, output.length - 40);
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping.has(child)) console.error(`\n${name} exited (${signal ?? code}):\n${output.slice(-15).join("\n")}`);
  });
  return { name, pid: child.pid as number, child, output };
}

export async function waitUntilReady(service: Service, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited before it was ready`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${service.name} was not ready after ${timeoutMs / 1000}s:\n${service.output.join("\n")}`);
}

export const httpOk = (url: string) => async () => (await fetch(url)).ok;

const stopping = new Set<ChildProcess>();
export async function stopService(service: Service): Promise<void> {
  const { child } = service;
  stopping.add(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

/** Resident set size now and its peak over the process's life (VmHWM), in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user + system), in ms, from /proc (clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Samples every service's RSS while a workload runs (the peak per service is what it reports)
 * and takes the CPU time each used over the workload: with the load generator in a process of
 * its own, CPU per request tells where the time goes, the gateway or the subgraphs.
 */
export function sampleUsage(services: Service[], everyMs = 200) {
  const peaks = new Map<string, number>();
  const cpuAtStart = new Map(services.map((s) => [s.name, cpuMsOf(s.pid) ?? 0]));
  const sample = () => {
    for (const s of services) {
      const m = memoryOf(s.pid);
      if (m) peaks.set(s.name, Math.max(peaks.get(s.name) ?? 0, m.rssMb));
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): { peakRssMb: Record<string, number>; cpuMs: Record<string, number> } {
      clearInterval(timer);
      sample();
      return {
        peakRssMb: Object.fromEntries([...peaks].map(([k, v]) => [k, Math.round(v)])),
        cpuMs: Object.fromEntries(services.map((s) => [s.name, (cpuMsOf(s.pid) ?? 0) - (cpuAtStart.get(s.name) ?? 0)])),
      };
    },
  };
}

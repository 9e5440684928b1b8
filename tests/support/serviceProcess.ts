import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLOCK_START_VARIABLE } from "@samraad/clocks";
import { REPO_ROOT } from "@samraad/db";
import { worldEnd } from "@samraad/synthetic";
import { bundle, type ServiceName, startFlags } from "../../scripts/bundle.ts";

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has gone. */
  exited: Promise<number | string>;
  output(): string;
}

// Built once per test process, from the code in the tree, so the tests also test the bundle; into
// a folder of the process's own (apps/<name>/dist/test-<pid>/), so that test files running side by
// side never rewrite a bundle another one's process loaded (nor does a restart mid-test).
const bundles = new Map<ServiceName, Promise<string>>();
const ownFolders: string[] = [];
function builtOnce(name: ServiceName): Promise<string> {
  let built = bundles.get(name);
  if (!built) {
    const folder = join(REPO_ROOT, "apps", name, "dist", `test-${process.pid}`);
    if (ownFolders.length === 0)
      process.once("exit", () => {
        for (const f of ownFolders) rmSync(f, { recursive: true, force: true });
      });
    ownFolders.push(folder);
    built = bundle(join(REPO_ROOT, "apps", name, "src", "server.ts"), join(folder, "server.js"));
    bundles.set(name, built);
  }
  return built;
}

/**
 * Starts a service as production does: the `npm run build` bundle on plain node with the
 * flags of the app's `npm start`, its own process, on an ephemeral port (`<NAME>_PORT=0`), NODE_ENV=test unless `env` says otherwise.
 * Its clock starts at the end of the generated world, as the in-process services' do (stack.ts).
 * Resolves once it logs the URL it listens on; rejects, with its output, if it exits first.
 */
export async function spawnService(name: ServiceName, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const cwd = fileURLToPath(new URL(`../../apps/${name}/`, import.meta.url));
  const bundle = await builtOnce(name);
  const child = spawn(process.execPath, [...startFlags(name), bundle], {
    cwd,
    env: {
      ...process.env,
      [`${name.toUpperCase()}_PORT`]: "0",
      NODE_ENV: "test",
      [CLOCK_START_VARIABLE]: new Date(worldEnd()).toISOString(),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${log}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const ready = log.match(/"url":"(http:[^"]+)"/);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${how}) before it was ready:\n${log}`));
    });
  });
  return { url, child, exited, output: () => log };
}

/**
 * A subgraph against the database at `databaseUrl` (see spawnService). Fault tests kill it
 * for real: an in-process server cannot be killed mid-write.
 */
export function spawnSubgraph(
  name: "municipality" | "police" | "health" | "boernehus",
  databaseUrl: string,
  /** More environment for the process (e.g. OTEL_EXPORTER_OTLP_ENDPOINT). */
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  return spawnService(name, { [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrl, ...env });
}

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server binaries (DESIGN.md 4a); CI has them. */
export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const postgresInstalled = (): boolean => existsSync(join(PG_BIN, "initdb")) && existsSync(join(PG_BIN, "pg_ctl"));

/**
 * A free TCP port on loopback for a process started later (PostgreSQL, a service replica behind
 * HAProxy), taken below the kernel's ephemeral range: a port the kernel picked (listen on 0) and
 * let go could be handed to any other test's socket before the process binds it (EADDRINUSE in
 * the replica test), while every other server of the suite listens on 0, inside that range.
 */
const RANGE_FILE = "/proc/sys/net/ipv4/ip_local_port_range";

export async function freePort(): Promise<number> {
  const range = existsSync(RANGE_FILE) ? readFileSync(RANGE_FILE, "utf8").trim().split(/\s+/).map(Number) : [];
  const high = (range[0] || 32768) - 1;
  const low = 20_000;
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export interface PostgresCluster {
  /** The URL of a database on this cluster (user postgres, trust authentication on loopback). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL 15 cluster in a temporary folder, as .ci/run starts one: initdb,
 * then pg_ctl on a free loopback port, run as the `postgres` user when we are root (the
 * server refuses to run as root). fsync off: the data is thrown away with the test.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "samraad-pg-"));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const asPostgres = async (command: string, args: string[]) => {
    if (!root) return run(join(PG_BIN, command), args);
    return run("runuser", ["-u", "postgres", "--", join(PG_BIN, command), ...args]);
  };
  if (root) {
    await run("id", ["postgres"]).catch(() => run("useradd", ["--system", "--no-create-home", "postgres"]));
    await run("chown", ["-R", "postgres", dir]);
  }
  const data = join(dir, "data");
  await asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  await asPostgres("pg_ctl", [
    "-D",
    data,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off`,
    "-l",
    join(dir, "log"),
    "-w",
    "start",
  ]);
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

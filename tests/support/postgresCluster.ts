import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server binaries (DESIGN.md 4a); CI has them. */
export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const postgresInstalled = (): boolean => existsSync(join(PG_BIN, "initdb")) && existsSync(join(PG_BIN, "pg_ctl"));

/** A free TCP port on loopback (the kernel picks; closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
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

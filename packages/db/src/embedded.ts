import { mkdirSync } from "node:fs";
import { SessionQueue } from "./sessionQueue.ts";

export interface EmbeddedPostgres {
  /** A postgresql:// URL that any PostgreSQL driver (here: pg via @prisma/adapter-pg) can use. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) behind the PostgreSQL wire protocol on
 * a loopback port, so the subgraph talks to it through the very driver it uses
 * against a real server. `dataDir` undefined keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  // Loaded here, not at the top: PGlite adds about 40 MB to a process that imports it, and a
  // service on a real PostgreSQL server never needs it (measured: RSS at rest).
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([import("@electric-sql/pglite"), import("@electric-sql/pglite-socket")]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
  // Each accepted connection is handed `server.queryQueue`; ours keeps a connection's
  // Parse…Sync sequence together (see sessionQueue.ts).
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

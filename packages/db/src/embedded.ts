import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
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

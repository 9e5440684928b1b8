import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGliteOptions } from "@electric-sql/pglite";
import { registerEmbeddedNotifications } from "./notifications.ts";
import { SessionQueue } from "./sessionQueue.ts";

export interface EmbeddedPostgres {
  /** A postgresql:// URL that any PostgreSQL driver (here: pg via @prisma/adapter-pg) can use. */
  url: string;
  /** Stops PostgreSQL cleanly (a shutdown checkpoint): its data folder can be copied and started again. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * PostgreSQL's shared_buffers, when not the data folder's 128MB. The test databases use 16MB:
   * they hold a few hundred courses, and a start then costs about 0.45 s less CPU (the buffer
   * pool is set up in WASM memory at each start).
   */
  sharedBuffers?: string;
}

type PGliteAssets = Required<Pick<PGliteOptions, "pgliteWasmModule" | "initdbWasmModule" | "fsBundle">>;

// Node's global WebAssembly, which this project's TypeScript libs (no DOM) do not declare.
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<PGliteAssets["pgliteWasmModule"]> };
};

let assets: Promise<PGliteAssets> | undefined;

/**
 * PGlite's WASM modules, compiled once per process and shared by every PGlite it starts
 * (a test process starts four or five; a WebAssembly.Module can be instantiated any number
 * of times), and its file-system bundle, read once.
 */
function pgliteAssets(): Promise<PGliteAssets> {
  assets ??= (async () => {
    const dist = pgliteDist();
    const file = (name: string) => readFileSync(join(dist, name));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([wasm.compile(file("pglite.wasm")), wasm.compile(file("initdb.wasm"))]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([file("pglite.data")]) };
  })();
  return assets;
}

/** node_modules/@electric-sql/pglite/dist, looked up as Node looks up packages (its exports hide package.json). */
function pgliteDist(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", "@electric-sql", "pglite", "dist");
    if (existsSync(join(candidate, "pglite.wasm"))) return candidate;
    if (dirname(dir) === dir) throw new Error("@electric-sql/pglite is not installed");
  }
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) behind the PostgreSQL wire protocol on
 * a loopback port, so the subgraph talks to it through the very driver it uses
 * against a real server. `dataDir` undefined keeps the database in WASM memory (lost at stop).
 */
export async function startEmbeddedPostgres(dataDir?: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  // Loaded here, not at the top: PGlite adds about 40 MB to a process that imports it, and a
  // service on a real PostgreSQL server never needs it (measured: RSS at rest).
  const [{ PGlite }, { PGLiteSocketServer }, shared] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-socket"),
    pgliteAssets(),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    ...shared,
    ...(options.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers}`] } : {}),
    ...(dataDir ? { dataDir } : {}),
  });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
  // Each accepted connection is handed `server.queryQueue`; ours keeps a connection's
  // Parse…Sync sequence together (see sessionQueue.ts).
  const queue = new SessionQueue(db);
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = queue;
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  // LISTEN over the socket cannot work (one session): notifications.ts reads them here.
  registerEmbeddedNotifications(url, { listen: (channel, handler) => queue.listen(channel, handler) });
  return {
    url,
    async stop() {
      registerEmbeddedNotifications(url, null);
      await server.stop();
      await db.close();
    },
  };
}

import { createPrivateKey } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { InternalClaims } from "@samraad/access";
import { AuditLog, Checkpointer, CheckpointFolder } from "@samraad/audit";
import { systemTime, type TimeSource, timeFrom } from "@samraad/clocks";
import { type Environment, parseConfig, type z } from "@samraad/config";
import { type Database, openDatabase, openTestDatabase, type TestTemplate } from "@samraad/db";
import { startTracing } from "@samraad/observability";
import type { SubgraphConfig } from "./config.ts";
import type { BaseContext } from "./context.ts";
import type { SqlClient } from "./idempotency.ts";
import { type KeyedReader, keyedReaderOverPrisma } from "./keyedReads.ts";
import { LiveHub } from "./live.ts";
import type { ClientObservers } from "./prismaOptions.ts";
import { DatabaseReplayGuard } from "./replayGuard.ts";
import { type RunningSubgraph, startSubgraph } from "./server.ts";
import { ensureTestKeys } from "./testClient.ts";

/** The little a subgraph's data layer must offer the shared start-up code. */
export interface DataClient extends SqlClient {
  $disconnect(): Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's transaction client type is per subgraph
  $transaction<T>(work: (tx: any) => Promise<T>): Promise<T>;
}

/**
 * A transaction client that also answers `$transaction(...)`, by joining the open
 * transaction: resolvers written as `ctx.db.$transaction(async (tx) => ...)` then run
 * inside the mutation's one transaction (Prisma has no nested transactions).
 * Its keyed reads go through the transaction too.
 */
function joinable<T extends object>(tx: T): T {
  let keyed: KeyedReader | undefined;
  const joined: T = new Proxy(tx, {
    get(target, property) {
      // The loaders' keyed reads, on the transaction (see keyedReads.ts).
      if (property === "keyed") {
        keyed ??= keyedReaderOverPrisma(joined);
        return keyed;
      }
      if (property === "$transaction") {
        return (work: unknown) =>
          typeof work === "function" ? (work as (tx: T) => unknown)(joined) : Promise.all(work as Promise<unknown>[]);
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return joined;
}

export interface SubgraphDefinition<
  TClient extends DataClient,
  TContext extends BaseContext,
  TConfig extends SubgraphConfig = SubgraphConfig,
> {
  name: string;
  /** Its environment's schema (src/config.ts): parsed once at start-up into TConfig. */
  environment: z.ZodType<TConfig, z.ZodTypeDef, Environment>;
  schemaPath: string;
  migrationsDir: string;
  // biome-ignore lint/suspicious/noExplicitAny: resolver maps are typed per subgraph
  resolvers: GraphQLResolverMap<any>;
  /** observers: the N+1 tests count each subgraph's SQL statements. */
  createClient(url: string, observers?: ClientObservers): TClient;
  /**
   * `clock` is the service's one clock; the context carries it (BaseContext.clock). `live`:
   * this process's LISTEN on the subgraph's database, when the definition asks for `live`.
   */
  createContext(
    client: TClient,
    claims: InternalClaims,
    clock: TimeSource,
    config: TConfig,
    live?: LiveHub,
  ): Omit<TContext, "audit" | "grantKeys" | "auditLog">;
  /** Serves live subscriptions: its database NOTIFYs on LIVE_CHANNEL (docs/live.md). */
  live?: boolean;
  /** Background work (the alert worker), run by serveUntilSignal and stopped before the database closes. */
  background?(client: TClient, clock: TimeSource, config: TConfig): BackgroundWork;
}

/**
 * Where a subgraph's schema and migrations are, by the layout every subgraph has
 * (schema.graphql and prisma/migrations beside src/): `appModule` is its src/app.ts's
 * import.meta.url.
 */
export function subgraphFiles(appModule: string): Pick<SubgraphDefinition<DataClient, BaseContext>, "schemaPath" | "migrationsDir"> {
  return {
    schemaPath: fileURLToPath(new URL("../schema.graphql", appModule)),
    migrationsDir: fileURLToPath(new URL("../prisma/migrations", appModule)),
  };
}

export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}

export interface SubgraphInstance<TClient, TConfig extends SubgraphConfig = SubgraphConfig> extends RunningSubgraph {
  client: TClient;
  config: TConfig;
  auditLog: AuditLog;
  database: Database;
  clock: TimeSource;
  /** Stops answering (an outage as the gateway sees it); the database stays open. */
  stopServing(): Promise<void>;
  /** Answers again on the same address, as a restarted service would. */
  serveAgain(): Promise<void>;
  /** The live events' listener, for subgraphs that serve subscriptions. */
  live?: LiveHub;
}

/**
 * Opens the subgraph's own database (migrating it), connects its data layer and
 * serves it. `config` is the service's configuration, parsed once at start-up (src/server.ts;
 * tests that pass none get the process's environment parsed here, by the same schema). `database: "test"` gives a
 * fresh database (tests); otherwise the config decides (<NAME>_DATABASE_URL, else PGlite under
 * .data/<name>). `clock` is the service's one clock (default: the machine's, or from the
 * configured SAMRAAD_CLOCK_START). `template` (tests) starts the test database from a seeded
 * copy, see openTestDatabase.
 */
export async function runSubgraph<TClient extends DataClient, TContext extends BaseContext, TConfig extends SubgraphConfig>(
  definition: SubgraphDefinition<TClient, TContext, TConfig>,
  options: {
    config?: TConfig;
    port?: number;
    host?: string;
    database?: "test" | "default";
    clock?: TimeSource;
    template?: TestTemplate;
  } = {},
): Promise<SubgraphInstance<TClient, TConfig>> {
  if (options.database === "test") await ensureTestKeys();
  const config = options.config ?? parseConfig(definition.environment);
  const clock = options.clock ?? (config.clockStart ? timeFrom(config.clockStart) : systemTime);
  const database =
    options.database === "test"
      ? await openTestDatabase(definition.name, definition.migrationsDir, options.template)
      : await openDatabase({
          name: definition.name,
          migrationsDir: definition.migrationsDir,
          url: config.databaseUrl,
          dataDir: config.dataDir,
        });
  const client = definition.createClient(database.url);
  // Test databases are thrown away with the test: their chains need no anchor.
  const checkpoints = options.database === "test" ? null : checkpointer(definition.name, config, clock);
  if (!checkpoints && options.database !== "test" && config.production) {
    console.error(
      JSON.stringify({ level: "warn", msg: `${definition.name}: audit checkpoints are off; set SAMRAAD_AUDIT_CHECKPOINT_DIR` }),
    );
  }
  const auditLog = new AuditLog(database.url, checkpoints);
  const live = definition.live ? await LiveHub.start(database.url) : undefined;
  const serverOptions: Parameters<typeof startSubgraph<TContext>>[0] = {
    name: definition.name,
    schemaPath: definition.schemaPath,
    resolvers: definition.resolvers,
    createContext: (claims) => definition.createContext(client, claims, clock, config, live),
    transaction: (claims, work) =>
      client.$transaction((tx: SqlClient & object) => {
        const scoped = joinable(tx) as unknown as TClient;
        return work(definition.createContext(scoped, claims, clock, config, live), scoped);
      }),
    auditLog,
    clock,
    config,
    // In the database, not in memory: a token used at one replica is refused at every other.
    replayGuard: new DatabaseReplayGuard(client),
    ready: async () => {
      await client.$queryRawUnsafe("SELECT 1");
      return true;
    },
  };
  let running = await startSubgraph(serverOptions, { port: options.port ?? 0, host: options.host });
  let serving = true;
  let stopped: Promise<void> | undefined;
  return {
    url: running.url,
    port: running.port,
    client,
    database,
    auditLog,
    clock,
    /**
     * The sector goes down as an outage or a crash looks from the gateway: its server stops
     * answering, its database stays (the browser tests take a sector down mid-session).
     */
    async stopServing() {
      if (!serving) return;
      serving = false;
      await running.stop();
    },
    /** The sector comes back on the same address, as a restarted service would. */
    async serveAgain() {
      if (serving) return;
      running = await startSubgraph(serverOptions, { port: running.port, host: options.host });
      serving = true;
    },
    config,
    ...(live ? { live } : {}),
    // Stopping twice (a test that takes a subgraph down, then the stack's own stop) is one stop.
    stop() {
      stopped ??= stopAll();
      return stopped;
    },
  };
  async function stopAll() {
    const step = async (name: string, fn: () => Promise<void>) => {
      const started = performance.now();
      await fn();
      if (config.debugShutdown) console.error(`${definition.name}: ${name} took ${Math.round(performance.now() - started)} ms`);
    };
    if (serving) await step("http", () => running.stop());
    await step("live listener", async () => live?.close());
    await step("audit pool", () => auditLog.close());
    await step("prisma", () => client.$disconnect());
    await step("database", () => database.close());
  }
}

/** A checkpointer from the config: signed checkpoints of the audit chain's head, or null when off. */
function checkpointer(log: string, config: SubgraphConfig, clock: TimeSource): Checkpointer | null {
  if (!config.checkpoints) return null;
  return new Checkpointer({
    log,
    folder: new CheckpointFolder(config.checkpoints.dir),
    privateKey: createPrivateKey(config.checkpoints.privateKey),
    everyEntries: config.checkpoints.everyEntries,
    everyMs: config.checkpoints.everyMs,
    now: () => clock.now(),
  });
}

/** For src/server.ts: run with the config it parsed until SIGINT/SIGTERM, then drain and close. */
export async function serveUntilSignal<TClient extends DataClient, TContext extends BaseContext, TConfig extends SubgraphConfig>(
  definition: SubgraphDefinition<TClient, TContext, TConfig>,
  config: TConfig,
): Promise<SubgraphInstance<TClient, TConfig>> {
  // Spans exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set (W3C traceparent from the gateway).
  const tracing = await startTracing(`samraad-${definition.name}`, { endpoint: config.tracesEndpoint });
  const instance = await runSubgraph(definition, { config, ...config.listen });
  const background = definition.background?.(instance.client, instance.clock, config);
  background?.start();
  console.log(
    JSON.stringify({ level: "info", msg: `${definition.name} subgraph ready`, url: instance.url, database: instance.database.kind }),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Drain in-flight requests, then close; never hang a deployment on a stuck socket.
    setTimeout(() => {
      console.error(JSON.stringify({ level: "warn", msg: `${definition.name} subgraph did not stop within 8 s; exiting` }));
      process.exit(1);
    }, 8_000).unref();
    await background?.stop();
    await instance.stop();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return instance;
}

import { createHash } from "node:crypto";
import { join } from "node:path";
import { boernehus, seedBoernehus } from "@samraad/boernehus";
import { type TimeSource, timeFrom } from "@samraad/clocks";
import { REPO_ROOT, type TestTemplate } from "@samraad/db";
import { composeSupergraph, createDevIssuer, createVerifier, type GatewayOptions, type SubgraphName, startGateway } from "@samraad/gateway";
import { health, seedHealth } from "@samraad/health";
import { municipality, seedMunicipality } from "@samraad/municipality";
import { police, seedPolice } from "@samraad/police";
import { extractStatistics, seedStatistics, statistics } from "@samraad/statistics";
import { type ClientObservers, runSubgraph, testInternalSigningKey } from "@samraad/subgraph-kit";
import { generateWorld, PERSONAS, type SyntheticCourse, worldEnd } from "@samraad/synthetic";
import pg from "pg";
import { hashFiles } from "./digest.ts";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** The same for every stack of a process: composed once. */
let supergraph: string | undefined;

/** The digest of every file under these folders of the repository (generated code left out). */
function sourceDigest(...folders: string[]): string {
  // Generated code follows from the sources and the schema; hashing it too would only cost time.
  const paths = folders.map((folder) => join(REPO_ROOT, folder));
  return hashFiles(createHash("sha256"), paths, ["generated", "node_modules"]).digest("hex");
}

/** Where the gateway is told the statistics service runs when a test does not start it. */
const STATISTICS_NOT_STARTED = "http://127.0.0.1:9/statistics-not-started/graphql";

/**
 * The whole of Samråd for one test file, over real HTTP: four subgraphs, each on its
 * own fresh database (PGlite, or PostgreSQL with TEST_DATABASE=postgres), seeded with
 * synthetic courses through their own data layers, and the gateway in front. With
 * `statistics: true` also the statistics service (its population seeded; facts arrive
 * only through `extractStatistics()`, the real pipeline through the gateway).
 * `fixture` replaces the generated world (a fixed fixture).
 *
 * One clock (DESIGN.md 6a): every service starts at the end of the generated world and
 * runs on from there, so the suite gives the same answers on any date the machine has.
 * `clock` fixes another one (e.g. an exact instant for the deadline clocks).
 */
export async function startStack(
  options: {
    courses?: number;
    seed?: number;
    coursesPerYear?: number;
    clock?: TimeSource;
    /** Gateway settings for hardening tests: limits, production, trusted documents. */
    gateway?: Partial<Omit<GatewayOptions, "supergraphSdl" | "subgraphUrls" | "verifyToken" | "devIssuer">>;
    statistics?: boolean;
    fixture?: SyntheticCourse[];
    /** Sees every SQL statement each subgraph's data layer sends (the N+1 test counts them). */
    onQuery?: (subgraph: SubgraphName, sql: string) => void;
  } = {},
) {
  // Few per year: the courses reach back far enough to have final notes and follow-up.
  const generated = generateWorld({
    seed: options.seed ?? 7,
    courses: options.fixture ? 0 : (options.courses ?? 120),
    coursesPerYear: options.coursesPerYear ?? 120,
  });
  const world = options.fixture ? { ...generated, courses: options.fixture } : generated;
  const clock = options.clock ?? timeFrom(new Date(worldEnd()));
  const observed = <T extends { name: string; createClient(url: string, observers?: ClientObservers): unknown }>(definition: T): T => {
    const { onQuery } = options;
    if (!onQuery) return definition;
    const observers = { onQuery: (sql: string) => onQuery(definition.name as SubgraphName, sql) };
    return { ...definition, createClient: (url: string) => definition.createClient(url, observers) };
  };
  // Each database starts from a seeded template (built by the first file that needs it, see
  // openTestDatabase), keyed on everything that decides its content: the courses themselves
  // (the generator's output for these options, or the fixture), the code of the seeding
  // subgraph and of the shared packages it uses. Seeded through node-postgres, as `npm run
  // seed` does: set-wise inserts without Prisma's engine.
  const worldDigest = createHash("sha256").update(JSON.stringify(world.courses)).digest("hex");
  const shared = sourceDigest("packages/synthetic/src", "packages/subgraph-kit/src", "packages/db/src");
  const template = (name: SubgraphName, seed: (url: string) => Promise<void>): TestTemplate => ({
    key: `${name === "statistics" ? "population" : worldDigest}:${shared}:${sourceDigest(`apps/${name}/src`)}`,
    seed,
  });
  const seededWith =
    (seed: (db: pg.Pool, courses: SyntheticCourse[]) => Promise<void>) =>
    async (url: string): Promise<void> => {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        for (let i = 0; i < world.courses.length; i += 500) await seed(pool, world.courses.slice(i, i + 500));
      } finally {
        await pool.end();
      }
    };
  const [m, p, h, b, s] = await Promise.all([
    runSubgraph(observed(municipality), { database: "test", clock, template: template("municipality", seededWith(seedMunicipality)) }),
    runSubgraph(observed(police), { database: "test", clock, template: template("police", seededWith(seedPolice)) }),
    runSubgraph(observed(health), { database: "test", clock, template: template("health", seededWith(seedHealth)) }),
    runSubgraph(observed(boernehus), { database: "test", clock, template: template("boernehus", seededWith(seedBoernehus)) }),
    options.statistics
      ? runSubgraph(statistics, {
          database: "test",
          clock,
          template: template("statistics", async (url) => {
            const client = statistics.createClient(url);
            try {
              await seedStatistics(client);
            } finally {
              await client.$disconnect();
            }
          }),
        })
      : null,
  ]);
  const devIssuer = await createDevIssuer(PERSONAS);
  const internalSigningKey = await testInternalSigningKey();
  const subgraphUrls: Record<SubgraphName, string> = {
    municipality: m.url,
    police: p.url,
    health: h.url,
    boernehus: b.url,
    statistics: s?.url ?? STATISTICS_NOT_STARTED,
  };
  supergraph ??= composeSupergraph();
  const supergraphSdl = supergraph;
  type GatewaySettings = NonNullable<typeof options.gateway>;
  const gatewayOptions = (settings: GatewaySettings = {}): GatewayOptions => ({
    supergraphSdl,
    subgraphUrls,
    devIssuer,
    verifyToken: createVerifier([devIssuer.trusted]),
    internalSigningKey,
    ...settings,
  });
  const gateway = await startGateway(gatewayOptions(options.gateway));
  const extraGateways: Array<{ stop(): Promise<void> }> = [];
  const tokens = new Map<string, string>();
  async function token(persona: string): Promise<string> {
    if (!tokens.has(persona)) {
      const issued = await devIssuer.issue(persona);
      if (!issued) throw new Error(`unknown persona ${persona}`);
      tokens.set(persona, issued.token);
    }
    return tokens.get(persona) as string;
  }
  return {
    world,
    /** The clock every service of this stack runs on. */
    clock,
    subgraphs: { municipality: m, police: p, health: h, boernehus: b, statistics: s },
    gatewayUrl: gateway.url,
    token,
    /** A GraphQL request through the gateway as one of the demo personas. */
    async query<T = Record<string, unknown>>(
      persona: string,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<GraphQLResponse<T>> {
      const res = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await token(persona)}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    /** A course in which the given persona takes part, and still has access (open, or closed within the grace period). */
    courseOf(personaSub: string, predicate: (c: SyntheticCourse) => boolean = () => true): SyntheticCourse {
      const graceStart = clock.now().getTime() - 30 * 86_400_000;
      const active = (c: SyntheticCourse) => c.course.closedAt === null || Date.parse(c.course.closedAt) > graceStart;
      const course = world.courses.find((c) => c.participants.some((p) => p.sub === personaSub) && active(c) && predicate(c));
      if (!course) throw new Error(`no course for ${personaSub}`);
      return course;
    },
    /**
     * Another gateway in front of the same subgraphs and trusting the same issuer, with
     * other settings (limits, production, trusted documents); stopped with the stack.
     */
    async startGateway({
      subgraphUrls: overrides,
      ...settings
    }: GatewaySettings & { subgraphUrls?: Partial<Record<SubgraphName, string>> }) {
      const extra = await startGateway({ ...gatewayOptions(settings), subgraphUrls: { ...subgraphUrls, ...overrides } });
      extraGateways.push(extra);
      return extra;
    },
    /** Runs the statistics extraction through the gateway, as the statistics-extractor persona. */
    async extractStatistics(now = clock.now()) {
      if (!s) throw new Error("startStack({ statistics: true }) first");
      return extractStatistics({ db: s.client, gatewayUrl: gateway.url, token: () => token("statistics-extractor"), pageSize: 50, now });
    },
    async stop() {
      await Promise.all(extraGateways.map((g) => g.stop()));
      await gateway.stop();
      await Promise.all([m.stop(), p.stop(), h.stop(), b.stop(), s?.stop()]);
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

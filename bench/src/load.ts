/**
 * The load generator, run as its own process by the bench (so its CPU is not the
 * gateway's): reads a job (JSON file, argv[2]), drives it, writes the result (argv[3]).
 *
 * - "http": autocannon against one URL, rotating through the job's request bodies;
 *   optionally at a fixed overall rate, or a fixed number of requests (writes).
 * - "direct-case-view" and "gateway-case-view": a closed loop of whole case views with
 *   fetch, either straight from the subgraphs (børnehus, then the three sectors in
 *   parallel with the børnehus's grant: the query plan's critical path) or through a
 *   gateway, so both sides of the overhead ratio are measured by the same client.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { INTERNAL_TOKEN_HEADER, internalSigningKey, type Principal, signInternalToken } from "@samraad/access";
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import { DIRECT_BOERNEHUS, DIRECT_HEALTH, DIRECT_MUNICIPALITY, DIRECT_POLICE } from "./documents.ts";

export interface HttpJob {
  kind: "http";
  name: string;
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  connections: number;
  durationSec: number;
  /** Stop after this many requests (each body once: writes). */
  amount?: number;
  /** Requests per second over all connections (a fixed arrival rate). */
  overallRate?: number;
}

export interface CaseViewLoopJob {
  kind: "direct-case-view" | "gateway-case-view";
  name: string;
  connections: number;
  durationSec: number;
  caseIds: string[];
  /** gateway-case-view */
  gatewayUrl?: string;
  headers?: Record<string, string>;
  bodies?: string[];
  /** direct-case-view: where each subgraph listens, and who asks (its internal token is signed here). */
  subgraphUrls?: Record<string, string>;
  principal?: Principal;
  scopes?: string[];
}

/** The floor (bench/src/floor.ts): børnehus's part, then the three sectors' in parallel, as the plan fetches them. */
export interface FloorJob {
  kind: "floor-case-view";
  name: string;
  connections: number;
  durationSec: number;
  caseIds: string[];
  floorUrls: Record<string, string>;
}

export type LoadJob = HttpJob | CaseViewLoopJob | FloorJob;

export interface LoadResult {
  name: string;
  requests: number;
  durationSec: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Non-2xx answers, transport errors and answers with GraphQL errors: each one a failed request. */
  failures: number;
  firstFailure?: string;
}

function summarise(name: string, histogram: hdr.Histogram, durationSec: number, failures: number, firstFailure?: string): LoadResult {
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    name,
    requests: histogram.totalCount,
    durationSec: Math.round(durationSec * 100) / 100,
    rps: Math.round((histogram.totalCount / durationSec) * 10) / 10,
    latencyMs: {
      p50: ms(histogram.getValueAtPercentile(50)),
      p95: ms(histogram.getValueAtPercentile(95)),
      p99: ms(histogram.getValueAtPercentile(99)),
      max: ms(histogram.maxValue),
      mean: ms(histogram.mean),
    },
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

async function runHttp(job: HttpJob): Promise<LoadResult> {
  const histogram = newHistogram();
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        ...(job.amount ? { amount: job.amount } : { duration: job.durationSec }),
        ...(job.overallRate ? { overallRate: job.overallRate } : {}),
        timeout: 30,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", ...job.headers },
            setupRequest: (request) => ({ ...request, body: job.bodies[next++ % job.bodies.length] }),
            onResponse: (status, body) => {
              if (status >= 300 || body.includes('"errors"')) {
                failures += 1;
                firstFailure ??= `${status} ${body.slice(0, 400)}`;
              }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on("response", (_client, _status, _bytes, responseTime) => histogram.recordValue(Math.max(1, Math.round(responseTime * 1000))));
  const result = await finished;
  const durationSec = (performance.now() - started) / 1000;
  failures += result.errors + result.timeouts;
  return summarise(job.name, histogram, durationSec, failures, firstFailure);
}

async function postJson(url: string, body: string, headers: Record<string, string>): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || json.errors) throw new Error(`${response.status} ${JSON.stringify(json).slice(0, 400)}`);
  return json;
}

/** One case view straight from the subgraphs, the way the gateway's plan fetches it. */
function directCaseView(job: CaseViewLoopJob) {
  const urls = job.subgraphUrls as Record<string, string>;
  // This process plays the gateway: the key bench.ts hands it (runLoad).
  const key = internalSigningKey(process.env.SAMRAAD_INTERNAL_SIGNING_KEY ?? "");
  const call = async (audience: string, query: string, variables: Record<string, unknown>) => {
    const body = JSON.stringify({ query, variables });
    const token = await signInternalToken({
      principal: job.principal as Principal,
      scopes: job.scopes ?? [],
      audience,
      body,
      requestId: randomUUID(),
      key: await key,
    });
    return postJson(urls[audience] as string, body, { [INTERNAL_TOKEN_HEADER]: token });
  };
  return async (caseId: string) => {
    const first = (await call("boernehus", DIRECT_BOERNEHUS, { id: caseId })) as {
      data: {
        boernehusCase: { __typename: string; id: string; accessGrant: string; finalNote: { recommendations: object[] } | null };
      };
    };
    const found = first.data.boernehusCase;
    const caseRef = { __typename: "BoernehusCase", id: found.id, accessGrant: found.accessGrant };
    const recommendations = found.finalNote?.recommendations ?? [];
    await Promise.all([
      call("municipality", DIRECT_MUNICIPALITY, { representations: [caseRef, ...recommendations] }),
      call("police", DIRECT_POLICE, { representations: [caseRef] }),
      call("health", DIRECT_HEALTH, { representations: [caseRef] }),
    ]);
  };
}

/** One case view from the floor processes: børnehus, then the other three in parallel. */
function floorCaseView(job: FloorJob) {
  const call = async (subgraph: string, index: number) => {
    const response = await fetch(`${job.floorUrls[subgraph]}/case/${index}`, { method: "POST", body: "{}" });
    const text = await response.text();
    if (!response.ok) throw new Error(`${subgraph} floor: ${response.status} ${text.slice(0, 300)}`);
  };
  return async (_caseId: string, index: number) => {
    await call("boernehus", index);
    await Promise.all([call("municipality", index), call("police", index), call("health", index)]);
  };
}

async function runCaseViewLoop(job: CaseViewLoopJob | FloorJob): Promise<LoadResult> {
  const histogram = newHistogram();
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const view =
    job.kind === "floor-case-view"
      ? floorCaseView(job)
      : job.kind === "direct-case-view"
        ? directCaseView(job)
        : async (_caseId: string, index: number) => {
            await postJson(
              job.gatewayUrl as string,
              (job.bodies as string[])[index % (job.bodies as string[]).length] as string,
              job.headers ?? {},
            );
          };
  const started = performance.now();
  const until = started + job.durationSec * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < until) {
        const index = next++;
        const t0 = performance.now();
        try {
          await view(job.caseIds[index % job.caseIds.length] as string, index);
          histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
        } catch (error) {
          failures += 1;
          firstFailure ??= (error as Error).message;
        }
      }
    }),
  );
  return summarise(job.name, histogram, (performance.now() - started) / 1000, failures, firstFailure);
}

const [jobPath, resultPath] = process.argv.slice(2);
if (!jobPath || !resultPath) throw new Error("usage: load.ts <job.json> <result.json>");
const job = JSON.parse(readFileSync(jobPath, "utf8")) as LoadJob;
const result = job.kind === "http" ? await runHttp(job) : await runCaseViewLoop(job);
writeFileSync(resultPath, JSON.stringify(result));

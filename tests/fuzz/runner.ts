import fc from "fast-check";
import { type HostileRequest, hostileRequest } from "./hostile.ts";

export interface FuzzTarget {
  /** The gateway's /graphql URL. */
  gatewayUrl: string;
  /** A valid bearer token for a persona id. */
  token(persona: string): Promise<string>;
}

export interface FuzzOptions {
  /** How many requests to send. */
  runs: number;
  seed?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Personas whose real tokens are used (the rest of the credentials are broken). */
  personas?: readonly string[];
}

export interface FuzzFailure {
  reason: string;
  kind: string;
  status: number;
  persona?: string;
  /** The start of the response, to see what went wrong. */
  response: string;
}

export interface FuzzReport {
  runs: number;
  seed: number;
  /** Requests fetch refused to send (e.g. a header value it will not encode). */
  notSent: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
  failures: FuzzFailure[];
  seconds: number;
}

export const DEFAULT_FUZZ_PERSONAS = [
  "caseworker-kbh",
  "investigator-kbh",
  "physician-rh",
  "coordinator-hovedstaden",
  "psychologist-hovedstaden",
  "analyst-national",
  "system-kbh",
  "system-police-kbh",
] as const;

/** Who may read a CPR number: the municipality's own staff (municipality:internal). */
const MAY_READ_CPR = new Set(["caseworker-kbh", "system-kbh"]);
/** Who may read no case at all: statistics only. */
const NO_CASE_ACCESS = new Set(["analyst-national"]);

const CPR_SHAPED = /\b\d{6}-?\d{4}\b/;
const INTERNALS = /\n\s+at |\(\/[^)]*:\d+:\d+\)|node_modules|stacktrace|originalError|\bprisma\b|SELECT |INSERT INTO/i;

function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) key !== "__typename" && leaves(item, out);
  else out.push(value);
  return out;
}

/** What must hold for every answer, whatever was sent. Returns the broken rule, or null. */
function judge(request: HostileRequest, status: number, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  if (INTERNALS.test(text)) return "internals in the response";
  let body: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> } | unknown[];
  try {
    body = JSON.parse(text);
  } catch {
    return "response is not JSON";
  }
  const results = Array.isArray(body) ? body : [body];
  for (const result of results as Array<{ data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> }>) {
    if (result.errors?.some((e) => typeof e.extensions?.code !== "string")) return "an error without a code";
    if (!result.errors && result.data === undefined) return "neither data nor errors";
    const persona = "persona" in request.credential ? request.credential.persona : undefined;
    if (!persona && result.data != null) return "data for a request without a valid token";
    if (persona && !MAY_READ_CPR.has(persona) && CPR_SHAPED.test(JSON.stringify(result.data ?? null))) return "a CPR number in data";
    const introspection = result.data && typeof result.data === "object" && ("__schema" in result.data || "__type" in result.data);
    if (persona && NO_CASE_ACCESS.has(persona) && !introspection && leaves(result.data).some((v) => v !== null)) {
      return "case data for a principal without case access";
    }
  }
  if (status >= 400 && !(results as Array<{ errors?: unknown[] }>).every((r) => r.errors?.length)) return `status ${status} without errors`;
  return null;
}

function count(record: Record<string, number>, key: string) {
  record[key] = (record[key] ?? 0) + 1;
}

/**
 * Sends `runs` hostile requests (fast-check, reproducible by seed) to a running
 * gateway and checks each answer: no 5xx, no stack trace or other internals, a code
 * on every error, no data without a valid token, no CPR number for those who may not
 * read one, no case data for a statistics-only principal. The test suite runs a few
 * hundred; bench/ runs 100k with the same function and prints the report.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? 20261123;
  const personas = options.personas ?? DEFAULT_FUZZ_PERSONAS;
  const tokens = new Map(await Promise.all(personas.map(async (p) => [p, await target.token(p)] as const)));
  const report: FuzzReport = { runs: 0, seed, notSent: 0, byStatus: {}, byCode: {}, byKind: {}, failures: [], seconds: 0 };
  const started = performance.now();
  const arbitrary = hostileRequest(personas);
  const batchSize = 250;
  const concurrency = options.concurrency ?? 4;

  async function send(request: HostileRequest) {
    const headers: Record<string, string> = { ...request.headers };
    if ("persona" in request.credential) headers.authorization = `Bearer ${tokens.get(request.credential.persona)}`;
    else if ("broken" in request.credential) headers.authorization = request.credential.broken;
    const url = request.method === "GET" ? `${target.gatewayUrl}?${request.payload}` : target.gatewayUrl;
    let res: Response;
    try {
      res = await fetch(url, { method: request.method, headers, body: request.method === "POST" ? request.payload : undefined });
    } catch (error) {
      // fetch refuses some header values itself (not latin-1); nothing reached the gateway.
      if (error instanceof TypeError && !String((error as { cause?: unknown }).cause ?? "").includes("ECONN")) {
        report.notSent++;
        return;
      }
      throw error;
    }
    const text = await res.text();
    report.runs++;
    count(report.byStatus, String(res.status));
    count(report.byKind, request.kind);
    try {
      const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      for (const error of parsed.errors ?? []) count(report.byCode, error.extensions?.code ?? "(none)");
    } catch {
      // judged below
    }
    const broken = judge(request, res.status, text);
    if (broken) {
      report.failures.push({
        reason: broken,
        kind: request.kind,
        status: res.status,
        persona: "persona" in request.credential ? request.credential.persona : undefined,
        response: text.slice(0, 400),
      });
    }
  }

  for (let batch = 0; report.runs + report.notSent < options.runs; batch++) {
    const size = Math.min(batchSize, options.runs - report.runs - report.notSent);
    const requests = fc.sample(arbitrary, { numRuns: size, seed: seed + batch });
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < requests.length; i = next++) await send(requests[i] as HostileRequest);
      }),
    );
  }
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

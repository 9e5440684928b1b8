import { SCOPES, scopesFor } from "@samraad/access";
import { personaById, type SyntheticCourse } from "@samraad/synthetic";
import fc from "fast-check";
import { type HostileRequest, hostileRequest } from "./hostile.ts";

export interface FuzzTarget {
  /** The gateway's /graphql URL. */
  gatewayUrl: string;
  /** A valid bearer token for a persona id. */
  token(persona: string): Promise<string>;
  /** Registered documents (hash → text) when the gateway has trusted documents: sent by hash with hostile variables. */
  trustedDocuments?: Readonly<Record<string, string>>;
  /** Ids of cases that exist, used among the hostile values so the access rules meet real cases. */
  caseIds?: readonly string[];
  /**
   * Per persona: strings that must never be in its data, whatever it sends (ids and CPR
   * numbers of cases it has no part in). forbiddenStrings() works them out from a world.
   */
  forbidden?: Readonly<Record<string, readonly string[]>>;
  /** A production gateway: introspection must never answer. */
  production?: boolean;
}

export interface FuzzOptions {
  /** How many requests to send. */
  runs: number;
  seed?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Personas whose real tokens are used (the rest of the credentials are broken). */
  personas?: readonly string[];
  /** How long an answer may take before it counts as a hang (30 s). */
  answerWithinMs?: number;
  /** Called after each batch (the bench prints progress). */
  onProgress?(report: FuzzReport): void;
}

export interface FuzzFailure {
  reason: string;
  kind: string;
  status: number;
  persona?: string;
  /** The start of the request and of the response, to see what went wrong (FUZZ_SEED replays the run). */
  request: string;
  response: string;
}

export interface FuzzReport {
  runs: number;
  seed: number;
  /** Requests fetch refused to send (e.g. a header value it will not encode): nothing reached the gateway. */
  notSent: number;
  /** Answers with data (some field not null): the fuzz got past the door that often. */
  withData: number;
  /** Subscriptions the gateway accepted and answered with a stream (judged by judgeStream). */
  streams: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
  /** Broken rules, by rule (all of them counted; the first 50 kept in `failures`). */
  violations: Record<string, number>;
  failures: FuzzFailure[];
  seconds: number;
  casesPerSecond: number;
}

export const DEFAULT_FUZZ_PERSONAS = [
  "caseworker-kbh",
  "caseworker-frb",
  "investigator-kbh",
  "physician-rh",
  "coordinator-hovedstaden",
  "psychologist-hovedstaden",
  "analyst-national",
  "system-kbh",
  "system-police-kbh",
] as const;

const scopesOf = (persona: string) => {
  const p = personaById(persona);
  return p ? scopesFor({ sub: p.sub, name: p.name, sector: p.sector, organisation: p.organisation, roles: [...p.roles] }) : [];
};
/** Who may read a CPR number: the municipality's own people (municipality:internal). */
const mayReadCpr = (persona: string) => scopesOf(persona).includes(SCOPES.municipalityInternal);
/** Who may read no case at all (statistics only). */
const hasNoCaseAccess = (persona: string) => !scopesOf(persona).includes(SCOPES.samraad);

/**
 * For each persona whose organisation is a single municipality (caseworkers), the ids and
 * CPR numbers of the world's cases in other municipalities that it takes no part in:
 * its answers must never contain one, whatever it asks.
 */
export function forbiddenStrings(courses: readonly SyntheticCourse[], personas: readonly string[]): Record<string, string[]> {
  const forbidden: Record<string, string[]> = {};
  for (const id of personas) {
    const persona = personaById(id);
    if (persona?.sector !== "MUNICIPALITY" || !persona.roles.includes("caseworker")) continue;
    forbidden[id] = courses
      .filter((c) => c.municipalityCode !== persona.organisation && !c.participants.some((p) => p.sub === persona.sub))
      .flatMap((c) => [c.caseId, c.child.cpr, c.child.cpr.replace("-", "")]);
  }
  return forbidden;
}

const CPR_SHAPED = /\b\d{6}-?\d{4}\b/;
const INTERNALS = /\n\s+at |\(\/[^)]*:\d+:\d+\)|node_modules|stacktrace|originalError|\bprisma\b|SELECT |INSERT INTO/i;

function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (key !== "__typename") leaves(item, out);
  } else out.push(value);
  return out;
}

type Result = { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> };

/** A streamed answer (text/event-stream, multipart/mixed) is a live subscription. */
const STREAMING = /^(text\/event-stream|multipart\/mixed)/i;

/**
 * What must hold for a stream: the gateway refuses a subscription it may not serve with one
 * result (fieldRules.ts), so a stream means it was accepted, which only a principal with case
 * access may be (exported for its own test).
 */
export function judgeStream(request: HostileRequest, status: number): string | null {
  if (status >= 500) return `status ${status}`;
  if (status !== 200) return `a stream with status ${status}`;
  const persona = "persona" in request.credential ? request.credential.persona : undefined;
  if (!persona) return "a stream for a request without a valid token";
  if (hasNoCaseAccess(persona)) return "a stream for a principal without case access";
  return null;
}

/** What must hold for every answer, whatever was sent. Returns the broken rule, or null (exported for its own test). */
export function judge(target: FuzzTarget, request: HostileRequest, status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  // Development only: a browser's GET gets GraphiQL (no data in it); production has none.
  if (!target.production && request.method === "GET" && status === 200 && contentType.startsWith("text/html")) {
    return text.includes("<title>Hive Gateway</title>") ? null : "an HTML page that is not GraphiQL";
  }
  if (INTERNALS.test(text)) return "internals in the response";
  let body: Result | Result[];
  try {
    body = JSON.parse(text);
  } catch {
    return "response is not JSON";
  }
  const results = Array.isArray(body) ? body : [body];
  const persona = "persona" in request.credential ? request.credential.persona : undefined;
  for (const result of results) {
    if (!result || typeof result !== "object") return "response is not a GraphQL result";
    if (result.errors?.some((e) => typeof e.extensions?.code !== "string" || !e.extensions.code)) return "an error without a code";
    if (!result.errors?.length && result.data === undefined) return "neither data nor errors";
    const data = result.data ?? null;
    if (data === null) continue;
    if (!persona) return "data for a request without a valid token";
    const dataText = JSON.stringify(data);
    const introspection = typeof data === "object" && ("__schema" in data || "__type" in data);
    if (introspection && target.production) return "introspection answered in production";
    if (!mayReadCpr(persona) && CPR_SHAPED.test(dataText)) return "a CPR number for someone who may not read one";
    if (hasNoCaseAccess(persona) && !introspection && leaves(data).some((v) => v != null))
      return "case data for a principal without case access";
    if (target.forbidden?.[persona]?.some((s) => dataText.includes(s))) return "another municipality's case";
  }
  if (status >= 400 && !results.every((r) => r.errors?.length)) return `status ${status} without errors`;
  return null;
}

function count(record: Record<string, number>, key: string) {
  record[key] = (record[key] ?? 0) + 1;
}

/**
 * Sends `runs` hostile requests (fast-check, reproducible by seed) to a running
 * gateway and checks each answer: no 5xx, no stack trace or other internals, JSON with
 * a code on every error, no data without a valid token, no CPR number for those who
 * may not read one, no case data for a statistics-only principal, no other
 * municipality's case for a caseworker, no introspection in production. The test suite
 * runs a few hundred; `npm run bench -- --workloads fuzz` runs 100k with the same function.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? 20261123;
  const personas = options.personas ?? DEFAULT_FUZZ_PERSONAS;
  const tokens = new Map(await Promise.all(personas.map(async (p) => [p, await target.token(p)] as const)));
  const report: FuzzReport = {
    runs: 0,
    seed,
    notSent: 0,
    withData: 0,
    streams: 0,
    byStatus: {},
    byCode: {},
    byKind: {},
    violations: {},
    failures: [],
    seconds: 0,
    casesPerSecond: 0,
  };
  const started = performance.now();
  const arbitrary = hostileRequest({
    personas,
    caseIds: target.caseIds,
    trustedHashes: target.trustedDocuments ? Object.keys(target.trustedDocuments) : undefined,
  });
  const batchSize = 250;
  const concurrency = options.concurrency ?? 4;
  const answerWithinMs = options.answerWithinMs ?? 30_000;

  function note(request: HostileRequest, status: number, broken: string | null, response: string) {
    if (!broken) return;
    count(report.violations, broken);
    if (report.failures.length < 50) {
      report.failures.push({
        reason: broken,
        kind: request.kind,
        status,
        persona: "persona" in request.credential ? request.credential.persona : undefined,
        request: `${request.method} ${request.payload.slice(0, 300)}`,
        response: response.slice(0, 400),
      });
    }
  }

  async function send(request: HostileRequest) {
    const headers: Record<string, string> = { ...request.headers };
    if ("persona" in request.credential) headers.authorization = `Bearer ${tokens.get(request.credential.persona)}`;
    else if ("broken" in request.credential) headers.authorization = request.credential.broken;
    const url = request.method === "GET" ? `${target.gatewayUrl}?${request.payload}` : target.gatewayUrl;
    // A request the gateway never answers is a finding, not a reason for the fuzz to wait forever.
    const signal = AbortSignal.timeout(answerWithinMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: request.method, headers, body: request.method === "POST" ? request.payload : undefined, signal });
      if (STREAMING.test(res.headers.get("content-type") ?? "")) {
        // A registered subscription the gateway accepted: its stream lasts as long as the page.
        await res.body?.cancel();
        report.runs++;
        report.streams++;
        count(report.byStatus, String(res.status));
        count(report.byKind, request.kind);
        note(request, res.status, judgeStream(request, res.status), "(a stream)");
        return;
      }
      text = await res.text();
    } catch (error) {
      if (signal.aborted) {
        report.runs++;
        count(report.byKind, request.kind);
        note(request, 0, `no answer within ${answerWithinMs / 1000} s`, "");
        return;
      }
      // fetch refuses some header values itself (not latin-1); nothing reached the gateway.
      if (error instanceof TypeError && !String((error as { cause?: unknown }).cause ?? "").includes("ECONN")) {
        report.notSent++;
        return;
      }
      throw error;
    }
    report.runs++;
    count(report.byStatus, String(res.status));
    count(report.byKind, request.kind);
    try {
      const parsed = JSON.parse(text) as Result | Result[];
      for (const result of Array.isArray(parsed) ? parsed : [parsed]) {
        for (const error of result?.errors ?? []) count(report.byCode, String(error.extensions?.code ?? "(none)"));
        if (leaves(result?.data ?? null).some((v) => v != null)) report.withData++;
      }
    } catch {
      // judged below
    }
    note(request, res.status, judge(target, request, res.status, res.headers.get("content-type") ?? "", text), text);
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
    options.onProgress?.(report);
  }
  const seconds = (performance.now() - started) / 1000;
  report.seconds = Math.round(seconds * 10) / 10;
  report.casesPerSecond = Math.round((report.runs + report.notSent) / seconds);
  return report;
}

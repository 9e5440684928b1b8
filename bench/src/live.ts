import { cpuMsOf, type Service } from "./processes.ts";

/**
 * The live workload (issue 20 point 10, issue 24 point 5; docs/live.md): `subscribers` SSE
 * subscriptions to one case through the gateway, as that many open pages; then one write at
 * a time (a new action item on the case's meeting), and the time until every subscriber has
 * the change. The same writes are first made with nobody subscribed: the difference in the
 * services' CPU per write is what the fan-out costs.
 */
export const LIVE_CASE = /* GraphQL */ `subscription BenchLiveCase($caseId: ID!) {
  caseChanged(caseId: $caseId) { caseId change recordId version }
}`;

export const LIVE_ADD_ITEM = /* GraphQL */ `mutation BenchLiveAddItem($input: AddActionItemInput!) {
  addActionItem(input: $input) { id version }
}`;

export interface LiveResult {
  subscribers: number;
  writes: number;
  /** Per write: ms from sending it until the last of the subscribers had the event. */
  allHaveItMs: { p50: number; p99: number; max: number };
  /** Per subscriber and write: ms until that subscriber had it. */
  eachHasItMs: { p50: number; p99: number };
  /** The write's own round trip, ms (p50). */
  writeMs: { p50: number };
  /** CPU per write, ms, by service: with nobody subscribed, with the subscribers, and the difference. */
  cpuMsPerWrite: { alone: Record<string, number>; live: Record<string, number>; extra: Record<string, number> };
  missed: number;
}

export interface LiveJob {
  gatewayUrl: string;
  headers: Record<string, string>;
  body(query: string, variables: Record<string, unknown>): string;
  caseId: string;
  meetingId: string;
  dueAt: string;
  subscribers: number;
  writes: number;
  services: Service[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
}

interface Stream {
  /** Resolves when an event for `recordId` arrives (or RESYNC for null). */
  waitFor(recordId: string | null): Promise<number>;
  close(): void;
}

async function openStream(job: LiveJob): Promise<Stream> {
  const ended = new AbortController();
  const res = await fetch(job.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...job.headers },
    body: job.body(LIVE_CASE, { caseId: job.caseId }),
    signal: ended.signal,
  });
  if (!res.body || !(res.headers.get("content-type") ?? "").includes("event-stream")) throw new Error(`no stream: ${await res.text()}`);
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trim())
            .join("");
          buffer = buffer.slice(end + 2);
          if (!data) continue;
          const change = (JSON.parse(data) as { data?: { caseChanged?: { recordId: string | null } } }).data?.caseChanged;
          if (!change) continue;
          const key = change.recordId ?? "";
          const at = performance.now();
          seen.set(key, at);
          waiting.get(key)?.(at);
          waiting.delete(key);
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    waitFor(recordId) {
      const key = recordId ?? "";
      const already = seen.get(key);
      if (already !== undefined) return Promise.resolve(already);
      return new Promise((resolve) => waiting.set(key, resolve));
    },
    close: () => ended.abort(),
  };
}

const timeout = (ms: number) => new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms).unref());

export async function runLive(job: LiveJob): Promise<LiveResult> {
  const cpu = () => new Map(job.services.map((s) => [s.name, cpuMsOf(s.pid) ?? 0]));
  const perWrite = (before: Map<string, number>, after: Map<string, number>) =>
    Object.fromEntries([...after].map(([name, ms]) => [name, Math.round(((ms - (before.get(name) ?? 0)) / job.writes) * 100) / 100]));
  const write = async (i: number) => {
    const started = performance.now();
    const res = await fetch(job.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...job.headers },
      body: job.body(LIVE_ADD_ITEM, {
        input: { meetingId: job.meetingId, title: `Live-bench ${i}`, owningSector: "BOERNEHUS", dueAt: job.dueAt },
      }),
    });
    const json = (await res.json()) as { data?: { addActionItem: { id: string } }; errors?: unknown[] };
    if (!json.data) throw new Error(`live write refused: ${JSON.stringify(json.errors).slice(0, 400)}`);
    return { id: json.data.addActionItem.id, started, answered: performance.now() };
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

  // Nobody subscribed: the write's own CPU.
  for (let i = 0; i < 3; i++) await write(-1 - i);
  const aloneBefore = cpu();
  for (let i = 0; i < job.writes; i++) {
    await write(i);
    await pause();
  }
  const alone = perWrite(aloneBefore, cpu());

  // The subscribers, each live (its RESYNC came) before the first write.
  const streams = await Promise.all(Array.from({ length: job.subscribers }, () => openStream(job)));
  await Promise.all(streams.map((s) => s.waitFor(null)));
  const allHaveIt: number[] = [];
  const eachHasIt: number[] = [];
  const writeMs: number[] = [];
  let missed = 0;
  const liveBefore = cpu();
  for (let i = 0; i < job.writes; i++) {
    const w = await write(job.writes + i);
    writeMs.push(w.answered - w.started);
    const arrivals = await Promise.race([Promise.all(streams.map((s) => s.waitFor(w.id))), timeout(10_000)]);
    if (arrivals === "timeout") {
      missed++;
      continue;
    }
    for (const at of arrivals) eachHasIt.push(at - w.started);
    allHaveIt.push(Math.max(...arrivals) - w.started);
    await pause();
  }
  const live = perWrite(liveBefore, cpu());
  for (const s of streams) s.close();
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const all = sorted(allHaveIt);
  const each = sorted(eachHasIt);
  return {
    subscribers: job.subscribers,
    writes: job.writes,
    allHaveItMs: { p50: percentile(all, 50), p99: percentile(all, 99), max: Math.round(all.at(-1) ?? 0) },
    eachHasItMs: { p50: percentile(each, 50), p99: percentile(each, 99) },
    writeMs: { p50: percentile(sorted(writeMs), 50) },
    cpuMsPerWrite: {
      alone,
      live,
      extra: Object.fromEntries(Object.entries(live).map(([name, ms]) => [name, Math.round((ms - (alone[name] ?? 0)) * 100) / 100])),
    },
    missed,
  };
}

/** Fixture (not timed): the viewer's open cases with their meetings. */
export const LIVE_MEETINGS = /* GraphQL */ `query BenchLiveMeetings($first: Int) {
  boernehusCases(first: $first) { id status samraadMeetings { id scheduledAt } }
}`;

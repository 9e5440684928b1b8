import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { type EndpointPolicy, EndpointRefused, type PinnedAddress, resolveEndpoint } from "./endpointAddress.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./signature.ts";
import type { AlertDraft, AlertStore, AttemptResult, ClaimedDelivery } from "./store.ts";

export interface DeliveryPolicy {
  /** The wait after the first failed attempt; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts a delivery is given up (FAILED, visible in the log). */
  maxAttempts: number;
  timeoutMs: number;
  /** How long a claimed delivery is held before another worker may try it. */
  leaseMs: number;
  batchSize: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 10,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  batchSize: 20,
};

/** Exponential backoff: base, 2×base, 4×base, … up to the maximum; null once the attempts are used up. */
export function retryAt(policy: DeliveryPolicy, attempt: number, now: Date): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
}

/**
 * One POST to the endpoint, connected to the one address its host resolved to (checked
 * against the endpoint policy just before), with no redirect followed: node:http never follows
 * one, and a 3xx is a failed attempt like any other non-2xx answer.
 */
export async function postToEndpoint(
  delivery: ClaimedDelivery,
  now: Date,
  timeoutMs: number,
  policy: EndpointPolicy,
): Promise<AttemptResult> {
  const url = new URL(delivery.url);
  let pinned: PinnedAddress;
  try {
    pinned = await resolveEndpoint(url, policy);
  } catch (error) {
    return { ok: false, statusCode: null, error: error instanceof EndpointRefused ? "refused: internal address" : "connection failed" };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: PinnedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const headers = {
    "content-type": "application/json",
    [SIGNATURE_HEADER]: signatureHeader(delivery.secret, delivery.payload, now),
    "samraad-event-id": delivery.eventId,
    "samraad-delivery-id": delivery.id,
    "samraad-attempt": String(delivery.attempt),
  };
  return new Promise<AttemptResult>((resolve) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "POST", headers, lookup, signal: AbortSignal.timeout(timeoutMs) },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({ ok, statusCode: status, error: ok ? null : `HTTP ${status}` });
      },
    );
    request.on("error", (error) =>
      resolve({
        ok: false,
        statusCode: null,
        error: error.name === "AbortError" || error.name === "TimeoutError" ? "timeout" : "connection failed",
      }),
    );
    request.end(delivery.payload);
  });
}

/** Delivers what is due at `now`; returns how many attempts were made. */
export async function deliverDue(
  store: AlertStore,
  now: Date,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
  endpoints: EndpointPolicy = store.webhookPolicy,
): Promise<number> {
  const claimed = await store.claimDeliveries(now, policy.leaseMs, policy.batchSize);
  await Promise.all(
    claimed.map(async (delivery) => {
      const result = await postToEndpoint(delivery, now, policy.timeoutMs, endpoints);
      await store.recordAttempt(delivery, result, now, result.ok ? null : retryAt(policy, delivery.attempt, now));
    }),
  );
  return claimed.length;
}

export interface AlertWorkerOptions {
  store: AlertStore;
  /** The subgraph's alert scan: the alerts due at `now`, from its own records. */
  scanName: string;
  scan(now: Date): Promise<AlertDraft[]>;
  scanEveryMs?: number;
  /** How often each replica looks for a due scan and due deliveries: 15 s, or the scan's period when that is shorter. */
  tickMs?: number;
  policy?: DeliveryPolicy;
  /** Where deliveries may go (default: the store's, from the service's config). */
  endpoints?: EndpointPolicy;
  /** The service's one clock: scans, leases and retries are timed by it. */
  now: () => Date;
}

export interface AlertWorker {
  /** One round: the scan if no other replica ran it within scanEveryMs, then the due deliveries. */
  runOnce(now?: Date): Promise<{ raised: number; attempted: number }>;
  start(): void;
  stop(): Promise<void>;
}

export function createAlertWorker(options: AlertWorkerOptions): AlertWorker {
  const now = options.now;
  const scanEveryMs = options.scanEveryMs ?? 5 * 60_000;
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const endpoints = options.endpoints ?? options.store.webhookPolicy;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function runOnce(at = now()) {
    let raised = 0;
    if (await options.store.claimJob(options.scanName, at, scanEveryMs)) {
      raised = (await options.store.raise(await options.scan(at), at)).length;
    }
    const attempted = await deliverDue(options.store, at, policy, endpoints);
    return { raised, attempted };
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return; // one round at a time per replica
        running = runOnce()
          .catch((error) =>
            console.error(JSON.stringify({ level: "error", msg: `${options.scanName} round failed`, error: String(error) })),
          )
          .finally(() => {
            running = null;
          });
      }, options.tickMs ?? Math.min(scanEveryMs, 15_000));
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

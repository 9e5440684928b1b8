import type { LoadResult } from "./load.ts";

/** One load job's result, with the peak RSS and the CPU (ms) of each serving process while it ran. */
export interface Measured {
  result: LoadResult;
  peakRssMb: Record<string, number>;
  cpuMs: Record<string, number>;
}

/**
 * Slices of one workload (bench.ts `compare`) as one measurement: requests, time, failures and
 * CPU summed, RSS at its peak. Latency percentiles cannot be summed; each is the mean of the
 * slices' own, weighted by their requests, and `max` the largest.
 */
export function mergeSlices(slices: Measured[]): Measured {
  const [first] = slices;
  if (!first) throw new Error("mergeSlices: no slices");
  const requests = slices.reduce((sum, s) => sum + s.result.requests, 0);
  const durationSec = slices.reduce((sum, s) => sum + s.result.durationSec, 0);
  const weighted = (key: "p50" | "p95" | "p99" | "mean") =>
    requests ? Math.round((slices.reduce((sum, s) => sum + s.result.latencyMs[key] * s.result.requests, 0) / requests) * 100) / 100 : 0;
  const perProcess = (pick: (s: Measured) => Record<string, number>, combine: (a: number, b: number) => number) => {
    const out: Record<string, number> = {};
    for (const s of slices)
      for (const [name, value] of Object.entries(pick(s))) out[name] = name in out ? combine(out[name] as number, value) : value;
    return out;
  };
  const failed = slices.find((s) => s.result.failures > 0);
  return {
    result: {
      name: first.result.name,
      requests,
      durationSec: Math.round(durationSec * 100) / 100,
      rps: durationSec ? Math.round((requests / durationSec) * 10) / 10 : 0,
      latencyMs: {
        p50: weighted("p50"),
        p95: weighted("p95"),
        p99: weighted("p99"),
        mean: weighted("mean"),
        max: Math.max(...slices.map((s) => s.result.latencyMs.max)),
      },
      failures: slices.reduce((total, s) => total + s.result.failures, 0),
      ...(failed?.result.firstFailure ? { firstFailure: failed.result.firstFailure } : {}),
    },
    peakRssMb: perProcess((s) => s.peakRssMb, Math.max),
    cpuMs: perProcess(
      (s) => s.cpuMs,
      (a, b) => a + b,
    ),
  };
}

import type { TimeSource } from "@samraad/clocks";
import { intervalMsFromEnv } from "@samraad/subgraph-kit";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { extractStatistics } from "./extract.ts";
import { tokenSource } from "./gatewayClient.ts";

const log = (level: string, msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level, msg, ...extra }));

/**
 * Runs the extraction every SAMRAAD_STATISTICS_EXTRACT_MINUTES (off when unset or 0), the
 * first time shortly after start-up. Several replicas may each run it: every run is a full
 * refresh in one transaction, so the last one simply wins.
 */
export function scheduleExtraction(db: PrismaClient, clock: TimeSource, env: NodeJS.ProcessEnv = process.env): void {
  const everyMs = intervalMsFromEnv(env, "SAMRAAD_STATISTICS_EXTRACT_MINUTES", { defaultMinutes: 0, zeroTurnsOff: true });
  if (everyMs === null) return;
  const gatewayUrl = env.SAMRAAD_GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";
  const token = tokenSource(gatewayUrl, env);
  let running = false;
  const run = async (retryInMs?: number) => {
    if (running) return;
    running = true;
    try {
      const result = await extractStatistics({ db, gatewayUrl, token, now: clock.now() });
      log("info", "statistics extraction done", { ...result });
    } catch (error) {
      log("warn", "statistics extraction failed", { error: error instanceof Error ? error.message : String(error) });
      if (retryInMs) setTimeout(() => void run(), retryInMs).unref();
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(30_000), 10_000).unref();
  setInterval(() => void run(), everyMs).unref();
}

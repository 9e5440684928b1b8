import type { TimeSource } from "@samraad/clocks";
import { claimPeriodicJob, rescheduleJob } from "@samraad/subgraph-kit";
import type { StatisticsConfig } from "../config.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { extractStatistics } from "./extract.ts";
import { tokenSource } from "./gatewayClient.ts";

const log = (level: string, msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level, msg, ...extra }));

/** The extraction's row in samraad_meta.job_schedule. */
export const EXTRACTION_JOB = "statistics-extraction";
/** How often each replica asks whether an extraction is due (at most; less when the period is shorter). */
const TICK_MS = 15_000;
/** After a failed extraction, the next try (by whichever replica ticks first). */
const RETRY_MS = 30_000;

/**
 * Runs the extraction every SAMRAAD_STATISTICS_EXTRACT_MINUTES (off when unset or 0), the
 * first time shortly after the first start. However many replicas run, one extracts per
 * period: each replica ticks, and the one that claims the period in the statistics
 * database (claimPeriodicJob) extracts. Two replicas extracting at once used to clash on
 * the facts' primary key; the extraction also takes a transaction-level advisory lock
 * (extract.ts), so a run that outlasts its period is not joined by the next.
 */
export function scheduleExtraction(
  db: PrismaClient,
  clock: TimeSource,
  config: Pick<StatisticsConfig, "extractEveryMs" | "gatewayUrl" | "extractor">,
): void {
  const { extractEveryMs: everyMs, gatewayUrl } = config;
  if (everyMs === null) return;
  const token = tokenSource(gatewayUrl, config.extractor);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (!(await claimPeriodicJob(db, EXTRACTION_JOB, clock.now(), everyMs))) return;
      try {
        const result = await extractStatistics({ db, gatewayUrl, token, now: clock.now() });
        log("info", "statistics extraction done", { ...result });
      } catch (error) {
        log("warn", "statistics extraction failed", { error: error instanceof Error ? error.message : String(error) });
        await rescheduleJob(db, EXTRACTION_JOB, new Date(clock.now().getTime() + RETRY_MS));
      }
    } catch (error) {
      log("warn", "statistics extraction schedule unavailable", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), 10_000).unref();
  setInterval(() => void tick(), Math.min(everyMs, TICK_MS)).unref();
}

import type { SqlClient } from "./idempotency.ts";

/**
 * Periodic jobs that one replica runs per period (the alert scans, the statistics
 * extraction), claimed in the service's own database (`samraad_meta.job_schedule`, platform
 * migration): the replica whose UPDATE moves `next_run_at` on from a due time runs the job;
 * the others, ticking at the same moment, find it not due or locked (SKIP LOCKED) and skip.
 * No leader election and no job queue to run: the database the service has anyway decides.
 * `now` is the service's one clock.
 */
export async function claimPeriodicJob(db: SqlClient, name: string, now: Date, everyMs: number): Promise<boolean> {
  await db.$executeRawUnsafe("INSERT INTO samraad_meta.job_schedule (name, next_run_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", name, now);
  const claimed = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `UPDATE samraad_meta.job_schedule SET next_run_at = $3
      WHERE name = (SELECT name FROM samraad_meta.job_schedule WHERE name = $1 AND next_run_at <= $2 FOR UPDATE SKIP LOCKED)
      RETURNING name`,
    name,
    now,
    new Date(now.getTime() + everyMs),
  );
  return claimed.length > 0;
}

/** Moves a claimed job's next run to `at` (sooner, after a failed run: a retry, by whichever replica ticks first). */
export async function rescheduleJob(db: SqlClient, name: string, at: Date): Promise<void> {
  await db.$executeRawUnsafe("UPDATE samraad_meta.job_schedule SET next_run_at = $2 WHERE name = $1", name, at);
}

/**
 * A background job's interval in minutes from the environment, as milliseconds; null when the
 * variable is 0 and `zeroTurnsOff` (the job is off).
 *
 * Why the upper bound: Node's timers hold at most 2^31-1 ms (about 24.8 days). A longer
 * setInterval does not wait longer, it fires every millisecond (with only a
 * TimeoutOverflowWarning), which turned "extract once in a long while" into "extract
 * continuously". So a value above the bound is refused at start-up, with the variable's name.
 */
export const MAX_INTERVAL_MINUTES = Math.floor((2 ** 31 - 1) / 60_000);

export function intervalMsFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  options: { defaultMinutes: number; zeroTurnsOff?: boolean },
): number | null {
  const raw = env[name];
  const minutes = raw === undefined || raw === "" ? options.defaultMinutes : Number(raw);
  if (minutes === 0 && options.zeroTurnsOff) return null;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_INTERVAL_MINUTES) {
    throw new Error(
      `${name} must be a number of minutes above 0 and at most ${MAX_INTERVAL_MINUTES} (about 24 days)${options.zeroTurnsOff ? ", or 0 for off" : ""}; got "${raw}".`,
    );
  }
  return minutes * 60_000;
}

/**
 * Time as epoch milliseconds (UTC) while generating, ISO strings in the output.
 * Nothing here reads the clock: "now" is always the `until` option.
 */
import type { Random } from "./random.ts";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365.25 * DAY;

/** Parse an ISO date or date-time; refuses anything Date.parse does not understand. */
export function parseInstant(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${value}`);
  return ms;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDate(ms: number): string {
  return iso(ms).slice(0, 10);
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** 0 = Sunday ... 6 = Saturday. */
function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/**
 * The first working-day slot at or after `earliest`, at a random quarter hour between
 * 07:00 and 14:45 UTC (08:00-15:45 Danish winter time). Meetings, interviews and
 * examinations are booked in office hours; notifications and reports can arrive any time.
 * Always returns a value >= earliest, so a chain of events built with it stays ordered.
 */
export function workingSlot(rng: Random, earliest: number): number {
  const offset = 7 * HOUR + rng.int(0, 31) * 15 * 60_000;
  let day = startOfDay(earliest);
  if (day + offset < earliest) day += DAY;
  while (weekday(day) === 0 || weekday(day) === 6) day += DAY;
  return day + offset;
}

/** A random instant in [from, to). */
export function between(rng: Random, from: number, to: number): number {
  return Math.floor(rng.float(from, Math.max(from, to)));
}

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

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const PAD3: string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
/** "YYYY-MM-DD" per day number; a world spans a few thousand days, so the cache stays small. */
const DATE_CACHE = new Map<number, string>();

function datePart(dayNumber: number): string {
  let s = DATE_CACHE.get(dayNumber);
  if (s === undefined) {
    s = new Date(dayNumber * DAY).toISOString().slice(0, 10);
    DATE_CACHE.set(dayNumber, s);
  }
  return s;
}

/**
 * Same output as Date#toISOString for years 0-9999, several times faster: a 100,000-course
 * world formats millions of instants, and toISOString was the generator's biggest cost.
 */
export function iso(ms: number): string {
  const t = Math.floor(ms);
  const dayNumber = Math.floor(t / DAY);
  let rest = t - dayNumber * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  return `${datePart(dayNumber)}T${PAD2[h]}:${PAD2[m]}:${PAD2[sec]}.${PAD3[milli]}Z`;
}

export function isoDate(ms: number): string {
  return datePart(Math.floor(Math.floor(ms) / DAY));
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** 0 = Sunday ... 6 = Saturday. */
function weekday(ms: number): number {
  return (((Math.floor(ms / DAY) + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday
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

/**
 * The synthetic world: courses spread over time before `until`, plus the fixed
 * reference data (municipalities, personas).
 *
 * Spread: referrals arrive at about 2,000 courses a year (DESIGN.md section 6), counted
 * back from `until`. 300 courses therefore cover the last ~55 days; 5,000 the last 2.5
 * years. The spread is capped at 1 October 2013, when the børnehuse opened: a larger world
 * (100,000 courses would reach back 50 years) is squeezed into 2013-10-01..until instead,
 * i.e. the yearly rate rises. Benchmarks need volume; realistic rates need <= ~26,000
 * courses at the default `until`.
 *
 * Time is stratified: course i's referral falls at a random moment inside the i-th of
 * `courses` equal slices of the period, so courses come out in date order, the count per
 * period is steady, and the generator can stream.
 */
import { generateCourse } from "./course.ts";
import { DAY, parseInstant, YEAR } from "./dates.ts";
import { COURSES_PER_YEAR, FIRST_COURSE_DATE } from "./distributions.ts";
import type { SyntheticCourse, SyntheticWorld } from "./model.ts";
import { MUNICIPALITIES } from "./municipalities.ts";
import { PERSONAS } from "./personas.ts";
import { Random } from "./random.ts";

export interface GenerateOptions {
  /** Any 32-bit integer; the same options always give the same world. Default 1. */
  seed?: number;
  /** Number of courses. Default 300 (the demo). */
  courses?: number;
  /** The world's "now", ISO date or date-time: nothing after it has happened. Default "2026-11-01". */
  until?: string;
  /**
   * Added option: referral rate used to spread courses back from `until`. Default 2,000 a
   * year. A demo that should show final notes and follow-through (4-6 months and more after
   * the referral) can pass e.g. 200 to spread 300 courses over 1.5 years.
   */
  coursesPerYear?: number;
  /** Called every 1,000 courses and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_COURSES = 300;
export const DEFAULT_UNTIL = "2026-11-01";

/**
 * The demo's world (`npm run dev`, `npm run seed`): 300 courses at 150 a year reach two years
 * back, so the demo shows whole courses (final notes, follow-up) as well as new ones. Its
 * `until` is the day it is seeded (scripts/demoWorld.ts). The seed is one in which every
 * persona who works cases has open ones, new ones among them, in so small a world (Frederiksberg
 * has few courses); test/demoWorld.test.ts holds it to that on any date. Seed 37 also makes the demo's
 * national follow-through read as the analysis's (seed 000): of its ~110 courses whose note
 * recommended support and has had its six months, 67.0% got a measure in time and 75.9% any support
 * (66.7% / 75.7% ending 2031); seed 67 gave 76% and 83%, chance on so few courses (±4.5 points).
 * Found by trying seeds 1-399 against both (issue 23, point 5).
 */
export const DEMO_WORLD = { courses: 300, seed: 37, coursesPerYear: 150 } as const;

const PROGRESS_EVERY = 1000;

/** The world's "now" in epoch ms: nothing after it has happened. Tests start every service's clock there. */
export function worldEnd(options: Pick<GenerateOptions, "until"> = {}): number {
  return parseInstant(options.until ?? DEFAULT_UNTIL);
}

/** The period referrals are spread over, in epoch ms: [from, until). */
export function courseWindow(options: GenerateOptions = {}): { from: number; until: number } {
  const until = worldEnd(options);
  const courses = options.courses ?? DEFAULT_COURSES;
  const rate = options.coursesPerYear ?? COURSES_PER_YEAR;
  if (!(rate > 0)) throw new Error("coursesPerYear must be positive");
  const natural = until - (courses / rate) * YEAR;
  const opened = parseInstant(FIRST_COURSE_DATE);
  // Cap at the opening of the børnehuse, unless `until` is itself (almost) before it.
  const from = natural < opened && until - opened > 30 * DAY ? opened : natural;
  return { from, until };
}

/**
 * Stream the courses oldest first, one at a time, so 100,000 can be seeded without
 * holding them. Only the set of CPR numbers is kept (to keep them unique).
 */
export function* generateCourses(options: GenerateOptions = {}): Generator<SyntheticCourse> {
  const seed = options.seed ?? DEFAULT_SEED;
  const total = options.courses ?? DEFAULT_COURSES;
  if (!Number.isInteger(total) || total < 0) throw new Error("courses must be a non-negative integer");
  const { from, until } = courseWindow(options);
  const slice = (until - from) / Math.max(1, total);
  const takenCprs = new Set<string>();
  for (let i = 0; i < total; i++) {
    const rng = new Random(seed, i);
    const referralReceivedAt = Math.floor(from + (i + rng.next()) * slice);
    yield generateCourse({ rng, referralReceivedAt: Math.min(referralReceivedAt, until), untilMs: until, takenCprs });
    const done = i + 1;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === total)) options.onProgress(done, total);
  }
}

/** The whole world in memory: reference data plus every course. */
export function generateWorld(options: GenerateOptions = {}): SyntheticWorld {
  return {
    seed: options.seed ?? DEFAULT_SEED,
    municipalities: MUNICIPALITIES.map((m) => ({ ...m })),
    personas: PERSONAS.map((p) => ({ ...p, roles: [...p.roles] })),
    courses: [...generateCourses(options)],
  };
}

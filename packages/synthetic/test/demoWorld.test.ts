import { describe, expect, it } from "vitest";
import { DAY } from "../src/dates.ts";
import { DEMO_WORLD, generateWorld, type SyntheticCourse } from "../src/index.ts";

/** The people who work cases (not leaders, who see their organisation's, nor machine clients). */
const CASE_WORKERS = [
  "caseworker-kbh",
  "caseworker-frb",
  "investigator-kbh",
  "physician-rh",
  "coordinator-hovedstaden",
  "psychologist-hovedstaden",
];

/**
 * `npm run dev` seeds the demo world to end on the day it starts. Whatever that day is, every
 * persona who works cases must find open cases of their own, some of them new enough that their
 * clocks are still running (as in a real week of work), not only cases long past every deadline.
 */
describe("the demo world lives in the present", () => {
  it.each(["2026-12-04T09:00:00Z", "2028-01-08T09:00:00Z", "2031-07-01T09:00:00Z"])("ending %s", (until) => {
    const world = generateWorld({ ...DEMO_WORLD, until });
    const end = Date.parse(until);
    const mine = (persona: string) => (c: SyntheticCourse) => c.participants.some((p) => p.sub === `persona:${persona}`);
    for (const persona of CASE_WORKERS) {
      const open = world.courses.filter((c) => c.course.closedAt === null && mine(persona)(c));
      expect(open.length, `${persona}: open cases`).toBeGreaterThanOrEqual(2);
      const recent = open.filter((c) => end - Date.parse(c.course.referralReceivedAt) < 60 * DAY);
      expect(recent.length, `${persona}: open cases referred in the last 60 days`).toBeGreaterThanOrEqual(1);
      for (const c of world.courses) expect(Date.parse(c.course.referralReceivedAt)).toBeLessThanOrEqual(end);
    }
  });
});

import { describe, expect, it } from "vitest";
import { generateCourses } from "../src/index.ts";

/** 20,000 by default to keep the suite quick; SYNTHETIC_STREAM_COURSES=100000 for the full benchmark volume. */
const COUNT = Number(process.env.SYNTHETIC_STREAM_COURSES ?? 20_000);

describe("streaming", () => {
  it(`generates ${COUNT} courses one at a time`, () => {
    const started = performance.now();
    let count = 0;
    let progress = 0;
    let firstCase = "";
    let lastReferral = "";
    for (const c of generateCourses({ seed: 9, courses: COUNT, onProgress: (done) => (progress = done) })) {
      if (count === 0) firstCase = c.caseId;
      lastReferral = c.course.referralReceivedAt;
      count++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${COUNT} courses streamed in ${seconds.toFixed(1)} s`);
    expect(count).toBe(COUNT);
    expect(progress).toBe(COUNT);
    expect(firstCase).not.toBe("");
    expect(lastReferral <= "2026-11-01").toBe(true);
    expect(seconds).toBeLessThan(60);
  });

  it("caps the spread at the opening of the børnehuse", () => {
    const first = generateCourses({ courses: 100_000 }).next().value;
    expect(first?.course.referralReceivedAt.slice(0, 7)).toBe("2013-10");
  });

  it("yields the same courses as the whole world, lazily", () => {
    const gen = generateCourses({ seed: 3, courses: 1_000_000 });
    const firstTen = Array.from({ length: 10 }, () => gen.next().value);
    expect(firstTen.every((c) => c !== undefined)).toBe(true);
  });
});

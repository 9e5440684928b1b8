import { describe, expect, it } from "vitest";
import { addCalendarDays, clockDefinitions, computeClock } from "../src/index.ts";

const defs = clockDefinitions();
const at = (iso: string) => new Date(iso);

describe("a clock's status at an injected now", () => {
  const facts = { startedAt: at("2026-03-02T08:00:00Z"), metAt: null };
  // VIDEO_INTERVIEW: due 7 days after the report, DUE_SOON in the last 2 days.
  it("runs ON_TIME, then DUE_SOON, then OVERDUE", () => {
    expect(computeClock(defs.VIDEO_INTERVIEW, facts, at("2026-03-06T07:59:59Z")).status).toBe("ON_TIME");
    expect(computeClock(defs.VIDEO_INTERVIEW, facts, at("2026-03-07T08:00:00Z")).status).toBe("DUE_SOON");
    expect(computeClock(defs.VIDEO_INTERVIEW, facts, at("2026-03-09T08:00:00Z")).status).toBe("DUE_SOON");
    expect(computeClock(defs.VIDEO_INTERVIEW, facts, at("2026-03-09T08:00:01Z")).status).toBe("OVERDUE");
  });

  it("stops when the step is taken: MET on or before the due date, MET_LATE after it", () => {
    const onTime = computeClock(defs.VIDEO_INTERVIEW, { ...facts, metAt: at("2026-03-09T08:00:00Z") }, at("2027-01-01T00:00:00Z"));
    expect(onTime).toMatchObject({ status: "MET", dueAt: at("2026-03-09T08:00:00Z"), metAt: at("2026-03-09T08:00:00Z") });
    expect(computeClock(defs.VIDEO_INTERVIEW, { ...facts, metAt: at("2026-03-10T08:00:00Z") }, at("2026-03-01T00:00:00Z")).status).toBe(
      "MET_LATE",
    );
  });

  it("counts a week on the Danish calendar across the change to summer time", () => {
    // 26 March 2026 10:00 in Copenhagen (CET) + 7 days = 2 April 10:00 (CEST): 167 hours.
    expect(addCalendarDays(at("2026-03-26T09:00:00Z"), 7).toISOString()).toBe("2026-04-02T08:00:00.000Z");
  });

  it("gives the notification 24 hours, the BFU 4 calendar months and the follow-up 6", () => {
    const start = { startedAt: at("2025-10-31T12:00:00Z"), metAt: null };
    const now = at("2025-11-01T00:00:00Z");
    expect(computeClock(defs.NOTIFICATION_ASSESSMENT, start, now).dueAt.toISOString()).toBe("2025-11-01T12:00:00.000Z");
    expect(computeClock(defs.NOTIFICATION_ASSESSMENT, start, now).status).toBe("ON_TIME");
    expect(computeClock(defs.NOTIFICATION_ASSESSMENT, start, at("2025-11-01T06:00:00Z")).status).toBe("DUE_SOON");
    expect(computeClock(defs.BFU, start, now).dueAt.toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(computeClock(defs.FOLLOW_UP, start, now).dueAt.toISOString()).toBe("2026-04-30T11:00:00.000Z");
  });
});

describe("the agreed targets", () => {
  it("default to 4 months for the final note and 30 days for answering a recommendation", () => {
    expect(defs.FINAL_NOTE.deadline).toEqual({ months: 4 });
    expect(defs.RECOMMENDATION_ANSWER.deadline).toEqual({ days: 30 });
  });

  // Set per installation in the owning service's config (a wrong value stops its start: apps/boernehus/test/config.test.ts).
  it("are set per installation", () => {
    const targets = { finalNoteMonths: 3, recommendationAnswerDays: 14 };
    expect(clockDefinitions(targets).FINAL_NOTE.deadline).toEqual({ months: 3 });
    expect(clockDefinitions(targets).RECOMMENDATION_ANSWER.deadline).toEqual({ days: 14 });
  });
});

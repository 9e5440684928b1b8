import { describe, expect, it } from "vitest";
import { type Clock, mergeClocks, mostUrgentPerKind } from "../src/domain/clocks.ts";

const clock = (kind: Clock["kind"], status: Clock["status"], dueAt: string): Clock => ({
  kind,
  status,
  dueAt,
  startedAt: "2026-01-01T00:00:00Z",
  metAt: null,
});

describe("the sectors' clocks as traffic lights", () => {
  it("merges the sectors' clocks in the order of the course, earliest due first", () => {
    const merged = mergeClocks(
      [clock("FINAL_NOTE", "ON_TIME", "2026-05-01T00:00:00Z")],
      [clock("BFU", "DUE_SOON", "2026-03-01T00:00:00Z"), clock("NOTIFICATION_ASSESSMENT", "MET", "2026-01-02T00:00:00Z")],
      null,
      [clock("VIDEO_INTERVIEW", "OVERDUE", "2026-01-08T00:00:00Z")],
    );
    expect(merged.map((c) => c.kind)).toEqual(["NOTIFICATION_ASSESSMENT", "VIDEO_INTERVIEW", "BFU", "FINAL_NOTE"]);
  });

  it("shows the most urgent clock of each kind in a list of cases", () => {
    const lights = mostUrgentPerKind([
      clock("RECOMMENDATION_ANSWER", "MET", "2026-02-01T00:00:00Z"),
      clock("RECOMMENDATION_ANSWER", "OVERDUE", "2026-02-01T00:00:00Z"),
      clock("RECOMMENDATION_ANSWER", "MET_LATE", "2026-02-01T00:00:00Z"),
      clock("NOTIFICATION_ASSESSMENT", "MET", "2026-01-02T00:00:00Z"),
    ]);
    expect(lights.map((c) => [c.kind, c.status])).toEqual([
      ["NOTIFICATION_ASSESSMENT", "MET"],
      ["RECOMMENDATION_ANSWER", "OVERDUE"],
    ]);
  });
});

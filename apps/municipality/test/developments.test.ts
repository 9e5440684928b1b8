import { describe, expect, it } from "vitest";
import type { CaseworkerAssignmentRow, MeasureRow, NotificationRow } from "../src/data/rows.ts";
import { developmentsSince } from "../src/domain/developments.ts";

// What the final note's editor lists (issue 23, point 4): only what happened after the
// assessment began and by now, oldest first; a measure decided and started is two developments;
// the case's first caseworker is its start, not a change.
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
const since = at(10);
const now = at(20);

const measure = (id: string, decided: number, started: number | null) =>
  ({ id, caseId: "c", kind: "FAMILY_TREATMENT", decidedAt: at(decided), startedAt: started === null ? null : at(started) }) as MeasureRow;
const notification = (id: string, received: number) => ({ id, childId: "k", receivedAt: at(received) }) as NotificationRow;
const assignment = (id: string, from: number, to: number | null = null) =>
  ({ id, caseId: "c", caseworkerSub: id, caseworkerName: id, from: at(from), to: to === null ? null : at(to) }) as CaseworkerAssignmentRow;

describe("developmentsSince", () => {
  it("lists measures decided and started, notifications and caseworker changes after the start and by now, oldest first", () => {
    const items = developmentsSince(since, now, {
      measures: [measure("m-before", 5, 12), measure("m-during", 11, 15), measure("m-later", 25, null)],
      notifications: [notification("n-before", 9), notification("n-during", 12), notification("n-future", 21)],
      assignments: [assignment("a-first", 1, 14), assignment("a-second", 14)],
    });
    expect(items.map((i) => [i.kind, i.recordId, i.at.getUTCDate()])).toEqual([
      ["MEASURE_DECIDED", "m-during", 11],
      // Same day: the vocabulary's order, then the id.
      ["MEASURE_STARTED", "m-before", 12],
      ["NOTIFICATION", "n-during", 12],
      ["CASEWORKER_CHANGE", "a-second", 14],
      ["MEASURE_STARTED", "m-during", 15],
    ]);
    expect(items[0]?.measure?.id).toBe("m-during");
    expect(items[3]?.caseworkerAssignment?.id).toBe("a-second");
  });

  it("does not count the case's first assignment as a change, even when it began during the assessment", () => {
    expect(developmentsSince(since, now, { measures: [], notifications: [], assignments: [assignment("only", 12)] })).toEqual([]);
  });

  it("leaves out what happened exactly at the start (it was known when the assessment began)", () => {
    expect(developmentsSince(since, now, { measures: [], notifications: [notification("n", 10)], assignments: [] })).toEqual([]);
  });
});

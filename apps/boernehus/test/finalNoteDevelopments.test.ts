import { randomUUID } from "node:crypto";
import type { DevelopmentsStatement } from "@samraad/access";
import { describe, expect, it } from "vitest";
import type { CaseRow, FinalNoteRow } from "../src/data/rows.ts";
import { MAX_CONSIDERATIONS, planConsiderations } from "../src/domain/considerations.ts";
import { finalNoteAge, wholeMonths } from "../src/domain/finalNoteAge.ts";

const started = new Date("2026-03-02T09:00:00Z");
const measure = randomUUID();
const notification = randomUUID();
const statement: DevelopmentsStatement = {
  caseId: randomUUID(),
  since: started.toISOString(),
  items: [
    { kind: "MEASURE_DECIDED", id: measure, at: "2026-03-05T09:00:00.000Z" },
    { kind: "NOTIFICATION", id: notification, at: "2026-03-06T09:00:00.000Z" },
  ],
};

describe("planConsiderations: the note names only what the municipality stated for this case", () => {
  it("keeps the named items with when they happened, as stated", () => {
    expect(planConsiderations([{ kind: "NOTIFICATION", recordId: notification.toUpperCase() }], statement, started)).toEqual([
      { kind: "NOTIFICATION", recordId: notification, occurredAt: new Date("2026-03-06T09:00:00.000Z") },
    ]);
    expect(planConsiderations([], null, null)).toEqual([]);
  });

  it("refuses an id not in the statement, the right id with another kind, and an item listed twice, naming the entry", () => {
    const refused = (
      inputs: Array<{ kind: "MEASURE_DECIDED" | "MEASURE_STARTED" | "NOTIFICATION" | "CASEWORKER_CHANGE"; recordId: string }>,
    ) => {
      try {
        planConsiderations(inputs, statement, started);
      } catch (e) {
        return (e as { extensions: { code: string; field?: string } }).extensions;
      }
      throw new Error("not refused");
    };
    expect(refused([{ kind: "NOTIFICATION", recordId: randomUUID() }])).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "consideredDevelopments[0]",
    });
    expect(refused([{ kind: "MEASURE_STARTED", recordId: measure }])).toMatchObject({ field: "consideredDevelopments[0]" });
    expect(
      refused([
        { kind: "MEASURE_DECIDED", recordId: measure },
        { kind: "MEASURE_DECIDED", recordId: measure },
      ]),
    ).toMatchObject({ field: "consideredDevelopments[1]" });
    const many = Array.from({ length: MAX_CONSIDERATIONS + 1 }, () => ({ kind: "NOTIFICATION" as const, recordId: notification }));
    expect(refused(many)).toMatchObject({ field: "consideredDevelopments" });
  });

  it("refuses without a statement, or with one that runs from another start than this assessment's", () => {
    const input = [{ kind: "NOTIFICATION" as const, recordId: notification }];
    expect(() => planConsiderations(input, null, started)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "STATEMENT_INVALID" }) }),
    );
    expect(() => planConsiderations(input, statement, new Date("2026-03-01T09:00:00Z"))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "STATEMENT_INVALID" }) }),
    );
    expect(() => planConsiderations(input, statement, null)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "STATEMENT_INVALID" }) }),
    );
  });
});

describe("finalNoteAge: referral received → note sent (or now), against the 4-6 months", () => {
  const received = new Date("2026-01-15T10:00:00Z");
  const course = { type: "FULL_COURSE", referralReceivedAt: received } as CaseRow;
  const sentOn = (iso: string) => ({ sentAt: new Date(iso) }) as FinalNoteRow;

  it("counts whole calendar months in Danish time", () => {
    // 11:00 in winter time is 09:00 UTC in summer time.
    expect(wholeMonths(received, new Date("2026-05-15T08:59:00Z"))).toBe(3);
    expect(wholeMonths(received, new Date("2026-05-15T09:00:00Z"))).toBe(4);
  });

  it("bands the age: under 4 months, 4-6 months (6 to the day included), over 6", () => {
    expect(finalNoteAge(course, null, new Date("2026-04-01T10:00:00Z"))).toMatchObject({
      sent: false,
      months: 2,
      days: 76,
      band: "UNDER_4_MONTHS",
    });
    expect(finalNoteAge(course, sentOn("2026-05-20T10:00:00Z"), new Date("2026-12-01T00:00:00Z"))).toMatchObject({
      sent: true,
      months: 4,
      band: "FROM_4_TO_6_MONTHS",
      analysisLowMonths: 4,
      analysisHighMonths: 6,
    });
    expect(finalNoteAge(course, sentOn("2026-07-15T09:00:00Z"), new Date())).toMatchObject({ months: 6, band: "FROM_4_TO_6_MONTHS" });
    expect(finalNoteAge(course, null, new Date("2026-07-16T10:00:00Z"))).toMatchObject({ months: 6, band: "OVER_6_MONTHS", sent: false });
  });

  it("has no age for a samråd-only course (no note in the børnehus)", () => {
    expect(finalNoteAge({ ...course, type: "SAMRAAD_ONLY" } as CaseRow, null, new Date())).toBeNull();
  });
});

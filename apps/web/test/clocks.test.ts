import { describe, expect, it } from "vitest";
import { caseClocks, clockStatus } from "../src/domain/clocks.ts";

const NOW = Date.parse("2026-06-10T12:00:00Z");
const days = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

describe("deadline clocks as traffic lights", () => {
  it("is green with time to spare, amber in the last quarter, red past the deadline", () => {
    expect(clockStatus(days(-1), days(6), null, NOW)).toBe("ON_TIME");
    expect(clockStatus(days(-6), days(1), null, NOW)).toBe("DUE_SOON");
    expect(clockStatus(days(-8), days(-1), null, NOW)).toBe("OVERDUE");
  });

  it("is met when done in time, and says so when done late", () => {
    expect(clockStatus(days(-8), days(-1), days(-2), NOW)).toBe("MET");
    expect(clockStatus(days(-8), days(-1), days(0), NOW)).toBe("MISSED");
  });

  it("starts the video interview clock at the police report and stops it at the first held interview", () => {
    const [clock] = caseClocks({ policeReportedAt: days(-3), interviews: [{ status: "BOOKED", heldAt: null }] }, NOW).filter(
      (c) => c.kind === "VIDEO_INTERVIEW",
    );
    expect(clock).toMatchObject({ dueAt: days(4), status: "ON_TIME", metAt: null });
    const [held] = caseClocks({ policeReportedAt: days(-3), interviews: [{ status: "HELD", heldAt: days(-1) }] }, NOW).filter(
      (c) => c.kind === "VIDEO_INTERVIEW",
    );
    expect(held?.status).toBe("MET");
  });

  it("follows the open notification first", () => {
    const clocks = caseClocks(
      {
        notifications: [
          { receivedAt: days(-30), assessmentDueAt: days(-29), assessedAt: days(-29.5) },
          { receivedAt: days(-2), assessmentDueAt: days(-1), assessedAt: null },
        ],
      },
      NOW,
    );
    expect(clocks.find((c) => c.kind === "NOTIFICATION_ASSESSMENT")?.status).toBe("OVERDUE");
  });
});

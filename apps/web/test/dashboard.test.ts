import { describe, expect, it } from "vitest";
import { computeDashboard, type DashboardCase, median } from "../src/domain/dashboard.ts";

const NOW = Date.parse("2026-06-01T00:00:00Z");
const day = (n: number) => new Date(Date.parse("2025-01-01T00:00:00Z") + n * 86_400_000).toISOString();

function course(overrides: Partial<DashboardCase>): DashboardCase {
  return {
    status: "ACTIVE",
    referralReceivedAt: day(0),
    samraadMeetings: [],
    interviewsHeldAt: [],
    finalNote: null,
    caseworkerHistory: null,
    ...overrides,
  };
}

describe("the leader dashboard's figures", () => {
  it("takes the median of an even and an odd list", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("counts follow-through within six months of the final note, with other support apart", () => {
    const note = (response: string, measureStartedAt: string | null) => ({
      sentAt: day(10),
      recommendations: [{ response: { response, measureStartedAt } }],
    });
    const d = computeDashboard(
      [
        course({ finalNote: note("MEASURE", day(40)) }), // in time
        course({ finalNote: note("MEASURE", day(300)) }), // too late
        course({ finalNote: note("OTHER_SUPPORT", null) }),
        course({ finalNote: note("DECLINED", null) }),
        course({ finalNote: { sentAt: day(500), recommendations: [{ response: null }] } }), // not six months old yet
      ],
      NOW,
    );
    expect(d.followThrough).toEqual({ count: 1, total: 4 });
    expect(d.followThroughWithOtherSupport).toEqual({ count: 2, total: 4 });
    expect(d.waitingDays.finalNote).toBe(10);
  });

  it("measures waiting times from the referral, caseload of open cases and continuity", () => {
    const d = computeDashboard(
      [
        course({
          samraadMeetings: [{ scheduledAt: day(7), heldAt: day(8), status: "HELD" }],
          interviewsHeldAt: [day(12)],
          caseworkerHistory: [{ caseworkerSub: "a", caseworkerName: "A", to: null }],
        }),
        course({
          samraadMeetings: [
            { scheduledAt: day(2), heldAt: null, status: "CANCELLED" },
            { scheduledAt: day(4), heldAt: null, status: "PLANNED" },
          ],
          caseworkerHistory: [
            { caseworkerSub: "b", caseworkerName: "B", to: day(3) },
            { caseworkerSub: "a", caseworkerName: "A", to: null },
          ],
        }),
        course({ status: "CLOSED", caseworkerHistory: [{ caseworkerSub: "b", caseworkerName: "B", to: null }] }),
      ],
      NOW,
    );
    expect(d.waitingDays).toEqual({ firstSamraad: 6, videoInterview: 12, finalNote: null });
    expect(d.caseload).toEqual([{ name: "A", cases: 2 }]);
    expect(d.continuity).toEqual({ count: 2, total: 3 });
    expect(d.byStatus).toEqual({ ACTIVE: 2, CLOSED: 1 });
  });
});

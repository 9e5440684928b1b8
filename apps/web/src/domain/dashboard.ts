/**
 * The leader dashboard's figures, computed from the cases the leader may see (their
 * organisation's), until the statistics service supplies them: follow-through within six
 * months, waiting times, caseload per caseworker and continuity.
 */
export interface DashboardCase {
  status: string;
  referralReceivedAt: string;
  samraadMeetings: ReadonlyArray<{ scheduledAt: string; heldAt: string | null; status: string }>;
  interviewsHeldAt: ReadonlyArray<string>;
  finalNote: null | {
    sentAt: string | null;
    recommendations: ReadonlyArray<{ response: null | { response: string; measureStartedAt: string | null } }>;
  };
  caseworkerHistory: ReadonlyArray<{ caseworkerSub: string; caseworkerName: string; to: string | null }> | null;
}

const DAY = 86_400_000;
const SIX_MONTHS = 183 * DAY;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

export interface Share {
  count: number;
  total: number;
}

export interface Dashboard {
  byStatus: Record<string, number>;
  /** Sent final notes with recommended support, sent at least six months ago: a measure started within six months. */
  followThrough: Share;
  /** The same cases, counting other support as followed through too. */
  followThroughWithOtherSupport: Share;
  waitingDays: { firstSamraad: number | null; videoInterview: number | null; finalNote: number | null };
  caseload: Array<{ name: string; cases: number }>;
  continuity: Share;
}

export function computeDashboard(cases: ReadonlyArray<DashboardCase>, now = Date.now()): Dashboard {
  const byStatus: Record<string, number> = {};
  const followThrough: Share = { count: 0, total: 0 };
  const withOther: Share = { count: 0, total: 0 };
  const toSamraad: number[] = [];
  const toInterview: number[] = [];
  const toNote: number[] = [];
  const load = new Map<string, { name: string; cases: number }>();
  const continuity: Share = { count: 0, total: 0 };

  for (const c of cases) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const firstSamraad = c.samraadMeetings
      .filter((m) => m.status !== "CANCELLED")
      .map((m) => m.heldAt ?? m.scheduledAt)
      .sort()[0];
    if (firstSamraad) toSamraad.push(daysBetween(c.referralReceivedAt, firstSamraad));
    const firstInterview = [...c.interviewsHeldAt].sort()[0];
    if (firstInterview) toInterview.push(daysBetween(c.referralReceivedAt, firstInterview));
    const sentAt = c.finalNote?.sentAt;
    if (sentAt) {
      toNote.push(daysBetween(c.referralReceivedAt, sentAt));
      const recommendations = c.finalNote?.recommendations ?? [];
      if (recommendations.length > 0 && Date.parse(sentAt) + SIX_MONTHS <= now) {
        const deadline = Date.parse(sentAt) + SIX_MONTHS;
        const measureInTime = recommendations.some(
          (r) => r.response?.response === "MEASURE" && r.response.measureStartedAt && Date.parse(r.response.measureStartedAt) <= deadline,
        );
        const otherSupport = recommendations.some((r) => r.response?.response === "OTHER_SUPPORT");
        followThrough.total += 1;
        withOther.total += 1;
        if (measureInTime) followThrough.count += 1;
        if (measureInTime || otherSupport) withOther.count += 1;
      }
    }
    const history = c.caseworkerHistory;
    if (history && history.length > 0) {
      continuity.total += 1;
      if (new Set(history.map((h) => h.caseworkerSub)).size === 1) continuity.count += 1;
      const current = history.find((h) => h.to === null);
      if (current && c.status !== "CLOSED") {
        const entry = load.get(current.caseworkerSub) ?? { name: current.caseworkerName, cases: 0 };
        entry.cases += 1;
        load.set(current.caseworkerSub, entry);
      }
    }
  }
  return {
    byStatus,
    followThrough,
    followThroughWithOtherSupport: withOther,
    waitingDays: { firstSamraad: median(toSamraad), videoInterview: median(toInterview), finalNote: median(toNote) },
    caseload: [...load.values()].sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name)),
    continuity,
  };
}

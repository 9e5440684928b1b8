/**
 * Deadline clocks as traffic lights. Each sector's subgraph computes the clocks of the
 * steps it owns (boernehusClocks, municipalityClocks, policeClocks; docs/indicators.md);
 * the web app only merges and orders them.
 */
export type ClockKind = "NOTIFICATION_ASSESSMENT" | "VIDEO_INTERVIEW" | "BFU" | "FINAL_NOTE" | "RECOMMENDATION_ANSWER" | "FOLLOW_UP";
export type ClockStatus = "ON_TIME" | "DUE_SOON" | "OVERDUE" | "MET" | "MET_LATE";

export interface Clock {
  kind: ClockKind;
  status: ClockStatus;
  subjectId?: string | null;
  startedAt: string;
  dueAt: string;
  metAt: string | null;
}

const KIND_ORDER: ClockKind[] = ["NOTIFICATION_ASSESSMENT", "VIDEO_INTERVIEW", "BFU", "FINAL_NOTE", "RECOMMENDATION_ANSWER", "FOLLOW_UP"];
/** Most urgent first: what a list of cases shows when a case has several clocks of one kind. */
const URGENCY: Record<ClockStatus, number> = { OVERDUE: 4, DUE_SOON: 3, ON_TIME: 2, MET_LATE: 1, MET: 0 };

/** Every sector's clocks of a case, in the order of the course, earliest due first within a kind. */
export function mergeClocks(...lists: Array<ReadonlyArray<Clock> | null | undefined>): Clock[] {
  return lists
    .flatMap((list) => list ?? [])
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.dueAt.localeCompare(b.dueAt));
}

/** One clock per kind, the most urgent (then the earliest due): the traffic lights of a case list. */
export function mostUrgentPerKind(clocks: ReadonlyArray<Clock>): Clock[] {
  const byKind = new Map<ClockKind, Clock>();
  for (const clock of clocks) {
    const current = byKind.get(clock.kind);
    if (!current || URGENCY[clock.status] > URGENCY[current.status]) byKind.set(clock.kind, clock);
  }
  return KIND_ORDER.flatMap((kind) => byKind.get(kind) ?? []);
}

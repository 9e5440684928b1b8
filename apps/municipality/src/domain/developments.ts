import { CASE_DEVELOPMENT_KINDS, type CaseDevelopmentKind } from "@samraad/access/vocabulary";
import type { CaseworkerAssignmentRow, MeasureRow, NotificationRow } from "../data/rows.ts";

/** One thing that happened in the municipality's part of a case, with the record it is about. */
export interface CaseDevelopmentRow {
  kind: CaseDevelopmentKind;
  recordId: string;
  at: Date;
  measure: MeasureRow | null;
  notification: NotificationRow | null;
  caseworkerAssignment: CaseworkerAssignmentRow | null;
}

export interface CaseDevelopmentsRow {
  caseId: string;
  since: Date;
  items: CaseDevelopmentRow[];
}

const empty = { measure: null, notification: null, caseworkerAssignment: null };

/**
 * What happened after `since` (the børnehus's assessment began) and by `now`, oldest first (ties:
 * the vocabulary's order, then the id), for the final note to account for (seed 000: the note is
 * stale when it does not take "mellemliggende tiltag og ændringer" into account):
 * - a measure decided, and a measure started (one measure can be both, as two developments);
 * - a notification received about the child;
 * - a caseworker change: an assignment that began then and followed another (the first assignment
 *   of the case is its start, not a change).
 */
export function developmentsSince(
  since: Date,
  now: Date,
  records: { measures: readonly MeasureRow[]; notifications: readonly NotificationRow[]; assignments: readonly CaseworkerAssignmentRow[] },
): CaseDevelopmentRow[] {
  const within = (at: Date | null): at is Date => at !== null && at > since && at <= now;
  const items: CaseDevelopmentRow[] = [];
  for (const m of records.measures) {
    if (within(m.decidedAt)) items.push({ ...empty, kind: "MEASURE_DECIDED", recordId: m.id, at: m.decidedAt, measure: m });
    if (within(m.startedAt)) items.push({ ...empty, kind: "MEASURE_STARTED", recordId: m.id, at: m.startedAt, measure: m });
  }
  for (const n of records.notifications) {
    if (within(n.receivedAt)) items.push({ ...empty, kind: "NOTIFICATION", recordId: n.id, at: n.receivedAt, notification: n });
  }
  const assignments = [...records.assignments].sort((a, b) => a.from.getTime() - b.from.getTime());
  assignments.forEach((a, i) => {
    if (i > 0 && within(a.from)) items.push({ ...empty, kind: "CASEWORKER_CHANGE", recordId: a.id, at: a.from, caseworkerAssignment: a });
  });
  const rank = (kind: CaseDevelopmentKind) => CASE_DEVELOPMENT_KINDS.indexOf(kind);
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a.kind) - rank(b.kind) || a.recordId.localeCompare(b.recordId));
}

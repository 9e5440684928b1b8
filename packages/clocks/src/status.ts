import { addSpan, type ClockDefinition, type ClockKind, type ResponsibleSector, subtractSpan } from "./definitions.ts";

/**
 * ON_TIME: open, more than the due-soon span left. DUE_SOON: open, due within that span.
 * OVERDUE: open after the due date. MET: stopped on or before the due date. MET_LATE: stopped after it.
 */
export type ClockStatus = "ON_TIME" | "DUE_SOON" | "OVERDUE" | "MET" | "MET_LATE";

export interface Clock {
  kind: ClockKind;
  /** What the clock is about when a case has several of one kind (a notification, a recommendation). */
  subjectId: string | null;
  responsibleSector: ResponsibleSector;
  status: ClockStatus;
  startedAt: Date;
  dueAt: Date;
  metAt: Date | null;
}

/** The inputs of one clock, as the subgraph that owns them records them. */
export interface ClockFacts {
  startedAt: Date;
  metAt: Date | null;
  subjectId?: string | null;
}

export function clockStatus(dueAt: Date, dueSoonFrom: Date, metAt: Date | null, now: Date): ClockStatus {
  if (metAt) return metAt.getTime() <= dueAt.getTime() ? "MET" : "MET_LATE";
  if (now.getTime() > dueAt.getTime()) return "OVERDUE";
  return now.getTime() >= dueSoonFrom.getTime() ? "DUE_SOON" : "ON_TIME";
}

/** One clock, at `now` (injected, so that tests and replays are deterministic). */
export function computeClock(definition: ClockDefinition, facts: ClockFacts, now: Date): Clock {
  const dueAt = addSpan(facts.startedAt, definition.deadline);
  return {
    kind: definition.kind,
    subjectId: facts.subjectId ?? null,
    responsibleSector: definition.responsibleSector,
    status: clockStatus(dueAt, subtractSpan(dueAt, definition.dueSoon), facts.metAt, now),
    startedAt: facts.startedAt,
    dueAt,
    metAt: facts.metAt,
  };
}

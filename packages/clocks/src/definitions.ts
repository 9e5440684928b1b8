import { addCalendarDays, addCalendarMonths } from "./calendar.ts";
import type { TimeSource } from "./timeSource.ts";

/** The deadlines of a case. docs/indicators.md defines each, with its legal or seed source. */
export type ClockKind = "NOTIFICATION_ASSESSMENT" | "VIDEO_INTERVIEW" | "BFU" | "FINAL_NOTE" | "RECOMMENDATION_ANSWER" | "FOLLOW_UP";

export type ResponsibleSector = "MUNICIPALITY" | "POLICE" | "BOERNEHUS";

/** A span of time as a caseworker counts it: hours exactly, days and months on the Danish calendar. */
export type Span = { hours: number } | { days: number } | { months: number };

export function addSpan(instant: Date, span: Span): Date {
  if ("hours" in span) return new Date(instant.getTime() + span.hours * 3_600_000);
  if ("days" in span) return addCalendarDays(instant, span.days);
  return addCalendarMonths(instant, span.months);
}

export function subtractSpan(instant: Date, span: Span): Date {
  if ("hours" in span) return addSpan(instant, { hours: -span.hours });
  if ("days" in span) return addSpan(instant, { days: -span.days });
  return addSpan(instant, { months: -span.months });
}

export interface ClockDefinition {
  kind: ClockKind;
  /** Who owns the step that stops the clock. */
  responsibleSector: ResponsibleSector;
  /** From the start to the due date. */
  deadline: Span;
  /** How long before the due date an open clock turns DUE_SOON. */
  dueSoon: Span;
}

/** The targets that are agreed rather than statutory; each installation may set its own. */
export interface ClockTargets {
  /** From the børnehus receiving the referral to the final note being sent. */
  finalNoteMonths: number;
  /** From the final note being sent to the municipality answering each recommendation. */
  recommendationAnswerDays: number;
}

export const DEFAULT_TARGETS: ClockTargets = { finalNoteMonths: 4, recommendationAnswerDays: 30 };

/** Every clock's definition. Sources: docs/indicators.md. */
export function clockDefinitions(targets: ClockTargets = DEFAULT_TARGETS): Record<ClockKind, ClockDefinition> {
  return {
    NOTIFICATION_ASSESSMENT: {
      kind: "NOTIFICATION_ASSESSMENT",
      responsibleSector: "MUNICIPALITY",
      deadline: { hours: 24 },
      dueSoon: { hours: 6 },
    },
    VIDEO_INTERVIEW: { kind: "VIDEO_INTERVIEW", responsibleSector: "POLICE", deadline: { days: 7 }, dueSoon: { days: 2 } },
    BFU: { kind: "BFU", responsibleSector: "MUNICIPALITY", deadline: { months: 4 }, dueSoon: { days: 14 } },
    FINAL_NOTE: {
      kind: "FINAL_NOTE",
      responsibleSector: "BOERNEHUS",
      deadline: { months: targets.finalNoteMonths },
      dueSoon: { days: 14 },
    },
    RECOMMENDATION_ANSWER: {
      kind: "RECOMMENDATION_ANSWER",
      responsibleSector: "MUNICIPALITY",
      deadline: { days: targets.recommendationAnswerDays },
      dueSoon: { days: 7 },
    },
    FOLLOW_UP: { kind: "FOLLOW_UP", responsibleSector: "MUNICIPALITY", deadline: { months: 6 }, dueSoon: { days: 30 } },
  };
}

/** What a subgraph computes its clocks with: the service's one clock, and the definitions. */
export interface ClockSettings extends TimeSource {
  definitions: Record<ClockKind, ClockDefinition>;
}

const definitionsFor = new Map<string, Record<ClockKind, ClockDefinition>>();

/**
 * Per request: the service's clock with the definitions under its configured targets (each
 * sector's config holds the targets of the clocks it owns; the rest keep the defaults).
 */
export function clockSettings(clock: TimeSource, targets: Partial<ClockTargets> = {}): ClockSettings {
  const complete = { ...DEFAULT_TARGETS, ...targets };
  const key = `${complete.finalNoteMonths}|${complete.recommendationAnswerDays}`;
  const definitions = definitionsFor.get(key) ?? clockDefinitions(complete);
  definitionsFor.set(key, definitions);
  return { now: () => clock.now(), definitions };
}

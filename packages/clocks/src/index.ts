export { addCalendarDays, addCalendarMonths } from "./calendar.ts";
export {
  addSpan,
  type ClockDefinition,
  type ClockKind,
  type ClockSettings,
  type ClockTargets,
  clockDefinitions,
  clockSettings,
  DEFAULT_TARGETS,
  type ResponsibleSector,
  type Span,
  subtractSpan,
} from "./definitions.ts";
export { type Clock, type ClockFacts, type ClockStatus, clockStatus, computeClock } from "./status.ts";
export { CLOCK_START_VARIABLE, fixedTime, systemTime, type TimeSource, timeFrom, timeSourceFromEnv } from "./timeSource.ts";

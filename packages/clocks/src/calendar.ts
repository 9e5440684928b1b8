/**
 * Calendar arithmetic in Danish time. Statutory deadlines run in calendar months as a
 * Danish caseworker counts them (31 January + 1 month = 28/29 February), across
 * summer time changes, so they are computed on the local date in Europe/Copenhagen.
 */
const TIME_ZONE = "Europe/Copenhagen";

const FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function localTime(instant: Date): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of FORMAT.formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    ms: instant.getUTCMilliseconds(),
  };
}

/** Copenhagen's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: Date): number {
  const t = localTime(instant);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.ms) - instant.getTime();
}

/** The same local time of day, `months` calendar months later; the day is clamped to the month's last day. */
export function addCalendarMonths(instant: Date, months: number): Date {
  return shiftLocal(instant, months, 0);
}

/** The same local time of day, `days` calendar days later (a day is 23 or 25 hours across a summer time change). */
export function addCalendarDays(instant: Date, days: number): Date {
  return shiftLocal(instant, 0, days);
}

function shiftLocal(instant: Date, months: number, days: number): Date {
  const t = localTime(instant);
  const monthIndex = t.month - 1 + months;
  const year = t.year + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const asIfUtc = Date.UTC(year, month, Math.min(t.day, lastDay) + days, t.hour, t.minute, t.second, t.ms);
  // Two passes find the offset that applies at the target local time (it may differ from the start's).
  const guess = asIfUtc - offsetAt(new Date(asIfUtc));
  return new Date(asIfUtc - offsetAt(new Date(guess)));
}

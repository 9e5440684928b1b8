import pg from "pg";

export const TIMESTAMPTZ_OID = 1184;
/** node-postgres's own parser (postgres-date): every shape PostgreSQL can print, BC, infinity. */
const general = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (value: string) => Date | number;

/** How PostgreSQL prints a timestamptz under the ISO DateStyle: `2024-05-01 12:34:56.789123+00`, offset ±HH or ±HH:MM. */
const ISO_SHAPE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?[+-]\d\d(?::\d\d)?$/;

const twoDigits = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * A `timestamptz` column as a Date, read from the digits where they stand. The keyed reads
 * parse every timestamp column of every row they load (a 500-case list: thousands); through
 * postgres-date's three regular expressions that was 3-4% of a subgraph's CPU, this is about
 * a quarter of its cost per value. Any other shape (years before 100, BC, infinity, an offset
 * in seconds) goes to postgres-date; the results are the same, to the millisecond, which
 * test/timestamptz.test.ts holds it to.
 */
export function parseTimestamptz(text: string): Date | number {
  if (!ISO_SHAPE.test(text)) return general(text);
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  if (year < 100) return general(text); // Date.UTC reads 0-99 as 1900-1999
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46 /* . */) {
    // Milliseconds from the first three digits; PostgreSQL's microseconds are cut, as postgres-date cuts them.
    for (let scale = 100, digit = text.charCodeAt(++at) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(++at) - 48) {
      ms += digit * scale;
      scale /= 10;
    }
  }
  const sign = text.charCodeAt(at) === 45 /* - */ ? -1 : 1;
  const offsetMinutes = twoDigits(text, at + 1) * 60 + (text.length > at + 3 ? twoDigits(text, at + 4) : 0);
  const utc = Date.UTC(
    year,
    twoDigits(text, 5) - 1,
    twoDigits(text, 8),
    twoDigits(text, 11),
    twoDigits(text, 14),
    twoDigits(text, 17),
    Math.floor(ms),
  );
  return new Date(utc - sign * offsetMinutes * 60_000);
}

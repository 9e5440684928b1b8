import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseTimestamptz, TIMESTAMPTZ_OID } from "../src/timestamptz.ts";

const postgresDate = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (value: string) => Date | number;
const asNumber = (value: Date | number) => (value instanceof Date ? value.getTime() : value);

describe("parseTimestamptz", () => {
  it("reads every shape PostgreSQL prints as node-postgres's own parser does, to the millisecond", () => {
    const shapes = [
      "2024-05-01 12:34:56+00",
      "2024-05-01 12:34:56.7+00",
      "2024-05-01 12:34:56.789+00",
      "2024-05-01 12:34:56.789123+00",
      "2024-05-01 12:34:56.999999+00",
      "2024-02-29 23:59:59.000001+02",
      "2024-12-31 23:59:59.5-05:30",
      "2025-03-30 02:30:00+01",
      "1970-01-01 00:00:00+00",
      "9999-12-31 23:59:59.999+14",
      // the general parser's: early years, BC, infinity, an offset in seconds
      "0099-01-01 00:00:00+00",
      "0044-03-15 12:00:00+00 BC",
      "infinity",
      "-infinity",
      "1890-01-01 00:00:00+00:50:20",
    ];
    for (const text of shapes) expect(asNumber(parseTimestamptz(text)), text).toBe(asNumber(postgresDate(text)));
  });

  it("agrees with it over many generated instants, offsets and fractions", () => {
    for (let i = 0; i < 5_000; i++) {
      const instant = new Date(Date.UTC(1900 + (i % 200), i % 12, 1 + (i % 28), i % 24, (i * 7) % 60, (i * 13) % 60));
      const fraction =
        i % 7 === 0
          ? ""
          : `.${String((i * 7919) % 1_000_000)
              .padStart(6, "0")
              .slice(0, 1 + (i % 6))}`;
      const offset = ["+00", "+01", "+02", "-03", "+05:30", "-09:30"][i % 6];
      const text = `${instant.toISOString().slice(0, 19).replace("T", " ")}${fraction}${offset}`;
      expect(asNumber(parseTimestamptz(text)), text).toBe(asNumber(postgresDate(text)));
    }
  });
});

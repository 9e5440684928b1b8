import { describe, expect, it } from "vitest";
import { machineClockReads } from "../../../scripts/lintClock.ts";
import { fixedTime, timeFrom, timeSourceFromEnv } from "../src/index.ts";

describe("the one clock", () => {
  it("a clock from an instant starts there and runs as fast as the machine's", () => {
    let machine = 1_000_000;
    const clock = timeFrom("2026-11-01T00:00:00Z", () => machine);
    expect(clock.now().toISOString()).toBe("2026-11-01T00:00:00.000Z");
    machine += 90_000;
    expect(clock.now().toISOString()).toBe("2026-11-01T00:01:30.000Z");
  });

  it("a fixed clock never moves; a bad instant is refused", () => {
    const clock = fixedTime("2026-03-10T10:00:00Z");
    expect(clock.now().getTime()).toBe(clock.now().getTime());
    expect(() => fixedTime("next tuesday")).toThrow(/not an instant/);
  });

  it("a service's clock is the machine's unless SAMRAAD_CLOCK_START names a start, which production refuses", () => {
    expect(Math.abs(timeSourceFromEnv({}).now().getTime() - Date.now())).toBeLessThan(1_000);
    expect(timeSourceFromEnv({ SAMRAAD_CLOCK_START: "2030-01-01T00:00:00Z" }).now().getUTCFullYear()).toBe(2030);
    expect(() => timeSourceFromEnv({ SAMRAAD_CLOCK_START: "2030-01-01T00:00:00Z", NODE_ENV: "production" })).toThrow(/production/);
  });
});

describe("npm run lint finds every read of the machine's clock", () => {
  it("Date.now(), new Date() and SQL that asks the database for its time; not new Date(value) or clock.now()", () => {
    const text = [
      "const a = Date.now();",
      "const b = new Date();",
      "const c = new Date(row.at);",
      "const d = ctx.clock.now();",
      "await sql(\"DELETE FROM k WHERE created_at < now() - interval '1 day'\");",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test, with a template literal in it
      "await sql(`UPDATE x SET at = CURRENT_TIMESTAMP WHERE id = ${id}`);",
    ].join("\n");
    expect(machineClockReads("example.ts", text)).toEqual([
      { line: 1, what: "Date.now()" },
      { line: 2, what: "new Date()" },
      { line: 5, what: "SQL now()" },
      { line: 6, what: "SQL CURRENT_TIMESTAMP" },
    ]);
  });
});

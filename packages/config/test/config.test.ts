import { describe, expect, it } from "vitest";
import { ConfigError, env, parseConfig, z } from "../src/index.ts";

const schema = z.object({
  HOURS: env.wholeNumber({ min: 1, max: 24, fallback: 4, expects: "a number of hours between 1 and 24" }),
  SCAN_MINUTES: env.everyMinutes(5),
  EXTRACT_MINUTES: env.everyMinutes(null, { zeroTurnsOff: true }),
  HOST: env.host,
  PORT: env.port(4004),
  URL: env.httpUrl,
  DATABASE_URL: env.databaseUrl,
  KEY: env.required(env.publicKeys(1), "an Ed25519 public key (SPKI PEM)"),
  PLANNER: env.oneOf(["rust", "javascript"], "rust"),
});
const KEY = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----";

/** The problems a wrong environment gets, one line each. */
function problems(vars: Record<string, string>): string[] {
  try {
    parseConfig(schema, { KEY, ...vars });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("a service's environment, parsed once", () => {
  it("gives typed values, with the defaults when unset or empty", () => {
    const config = parseConfig(schema, { KEY, HOURS: "", PORT: "0", EXTRACT_MINUTES: "0.5" });
    expect(config).toMatchObject({ HOURS: 4, SCAN_MINUTES: 300_000, EXTRACT_MINUTES: 30_000, HOST: "127.0.0.1", PORT: 0, PLANNER: "rust" });
    expect(config.KEY).toHaveLength(1);
    expect(parseConfig(schema, { KEY, EXTRACT_MINUTES: "0" }).EXTRACT_MINUTES).toBeNull();
    expect(parseConfig(schema, { KEY }).EXTRACT_MINUTES).toBeNull();
  });

  // Before: SAMRAAD_EMERGENCY_ACCESS_HOURS=0 silently became 4 hours.
  it("names each wrong variable, what it expects and what it got", () => {
    expect(problems({ HOURS: "0" })).toEqual(['HOURS must be a number of hours between 1 and 24, got "0"']);
    expect(problems({ HOURS: "4.5" })).toEqual(['HOURS must be a number of hours between 1 and 24, got "4.5"']);
    expect(problems({ HOURS: "25" })).toEqual(['HOURS must be a number of hours between 1 and 24, got "25"']);
    expect(problems({ SCAN_MINUTES: "0" })).toEqual([
      'SCAN_MINUTES must be a number of minutes above 0 and at most 35791 (about 24 days), got "0"',
    ]);
    // Node fires a longer setInterval every millisecond: refused.
    expect(problems({ EXTRACT_MINUTES: "100000" })).toEqual([
      'EXTRACT_MINUTES must be a number of minutes above 0 and at most 35791 (about 24 days), or 0 for off, got "100000"',
    ]);
    expect(problems({ HOST: "example.org" })).toEqual([
      'HOST must be an IP address (or localhost), e.g. 0.0.0.0 or 10.1.2.3, got "example.org"',
    ]);
    expect(problems({ PORT: "65536" })).toEqual(['PORT must be a port number from 0 to 65535, got "65536"']);
    expect(problems({ URL: "gateway:4000" })).toEqual(['URL must be an http:// or https:// URL, got "gateway:4000"']);
    expect(problems({ DATABASE_URL: "mysql://x/y" })).toEqual([
      'DATABASE_URL must be a PostgreSQL URL (postgresql://user@host/database), got "mysql://x/y"',
    ]);
    expect(problems({ PLANNER: "js" })).toEqual(['PLANNER must be "rust" or "javascript", got "js"']);
    expect(problems({ KEY: "not a key" })).toEqual(['KEY must be an Ed25519 public key (SPKI PEM), got "not a key"']);
  });

  it("says when a required variable is missing, and reports every problem at once", () => {
    expect(problems({ KEY: "" })).toEqual(["KEY must be set to an Ed25519 public key (SPKI PEM), it is not set"]);
    expect(problems({ HOURS: "0", PORT: "x" })).toHaveLength(2);
  });
});

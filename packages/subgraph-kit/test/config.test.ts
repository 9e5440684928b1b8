import { generateGrantKeyPair, generateInternalKeyPair } from "@samraad/access";
import { ConfigError, parseConfig, z } from "@samraad/config";
import { beforeAll, describe, expect, it } from "vitest";
import { refineSubgraphVariables, retentionEnvironment, SECTOR_VARIABLES, subgraphSettings, subgraphVariables } from "../src/index.ts";

// Every subgraph's shared half, as a subgraph's src/config.ts builds it.
const schema = z
  .object(subgraphVariables("TEST", 0))
  .superRefine(refineSubgraphVariables)
  .transform((vars) => subgraphSettings(vars, "TEST"));

let valid: Record<string, string>;
beforeAll(async () => {
  valid = {
    SAMRAAD_INTERNAL_PUBLIC_KEYS: generateInternalKeyPair().publicPem,
    SAMRAAD_GRANT_PUBLIC_KEY: (await generateGrantKeyPair()).publicPem,
  };
});

function problems(parse: () => unknown): string[] {
  try {
    parse();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("every subgraph's shared variables", () => {
  it("traces go to the traces URL, else <OTLP endpoint>/v1/traces; none without either", () => {
    expect(parseConfig(schema, valid).tracesEndpoint).toBeUndefined();
    expect(parseConfig(schema, { ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318/" }).tracesEndpoint).toBe(
      "http://127.0.0.1:4318/v1/traces",
    );
    expect(
      parseConfig(schema, {
        ...valid,
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/traces",
      }).tracesEndpoint,
    ).toBe("http://collector:4318/traces");
    // Before, a wrong traces URL reached the exporter and failed at the first span.
    expect(problems(() => parseConfig(schema, { ...valid, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "collector:4318" }))).toEqual([
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http:// or https:// URL, got "collector:4318"',
    ]);
  });

  // Before, a short key was only noticed by the first statistics extraction.
  it("SAMRAAD_PSEUDONYM_KEY (the sectors'): at least 32 characters, checked at start", () => {
    const sector = z.object(SECTOR_VARIABLES);
    expect(parseConfig(sector, {}).SAMRAAD_PSEUDONYM_KEY).toBeUndefined();
    expect(parseConfig(sector, { SAMRAAD_PSEUDONYM_KEY: "k".repeat(32) }).SAMRAAD_PSEUDONYM_KEY).toHaveLength(32);
    expect(problems(() => parseConfig(sector, { SAMRAAD_PSEUDONYM_KEY: "short" }))).toEqual([
      'SAMRAAD_PSEUDONYM_KEY must be a secret of at least 32 characters, got "short"',
    ]);
  });

  it("SAMRAAD_DEBUG_SHUTDOWN: off unless set", () => {
    expect(parseConfig(schema, valid).debugShutdown).toBe(false);
    expect(parseConfig(schema, { ...valid, SAMRAAD_DEBUG_SHUTDOWN: "1" }).debugShutdown).toBe(true);
  });
});

describe("npm run retention's variables", () => {
  it("has the documented defaults: 5 years, health 10; idempotency keys 72 hours", () => {
    expect(parseConfig(retentionEnvironment, {})).toEqual({
      days: { municipality: 1825, police: 1825, health: 3650, boernehus: 1825 },
      idempotencyKeyHours: 72,
    });
    expect(parseConfig(retentionEnvironment, { POLICE_RETENTION_DAYS: "0", SAMRAAD_IDEMPOTENCY_KEY_HOURS: "1" })).toMatchObject({
      days: { police: 0 },
      idempotencyKeyHours: 1,
    });
  });

  // Before, POLICE_RETENTION_DAYS was read when the run reached the police, after the
  // sectors before it had been processed, and SAMRAAD_IDEMPOTENCY_KEY_HOURS at the purge.
  it("refuses each wrong value before anything runs, naming the variable and what it expects", () => {
    expect(
      problems(() => parseConfig(retentionEnvironment, { POLICE_RETENTION_DAYS: "five years", SAMRAAD_IDEMPOTENCY_KEY_HOURS: "0" })),
    ).toEqual([
      'POLICE_RETENTION_DAYS must be a whole number of days, got "five years"',
      'SAMRAAD_IDEMPOTENCY_KEY_HOURS must be a number of hours from 1 to 8760, got "0"',
    ]);
    expect(problems(() => parseConfig(retentionEnvironment, { HEALTH_RETENTION_DAYS: "-1" }))).toHaveLength(1);
  });
});

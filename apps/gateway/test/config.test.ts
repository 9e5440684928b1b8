import { generateInternalKeyPair } from "@samraad/access";
import { ConfigError, parseConfig } from "@samraad/config";
import { describe, expect, it } from "vitest";
import { gatewayEnvironment } from "../src/config.ts";

const base = { SAMRAAD_INTERNAL_SIGNING_KEY: generateInternalKeyPair().privatePem, SAMRAAD_DEV_ISSUER: "1" };
const planner = (vars: Record<string, string>) => parseConfig(gatewayEnvironment, { ...base, ...vars }).queryPlanner;

describe("SAMRAAD_QUERY_PLANNER", () => {
  it("is Rust unless the JavaScript planner is asked for, and a misspelling stops the start instead of picking one", () => {
    expect(planner({})).toBe("rust");
    expect(planner({ SAMRAAD_QUERY_PLANNER: "javascript" })).toBe("javascript");
    expect(() => planner({ SAMRAAD_QUERY_PLANNER: "js" })).toThrow(ConfigError);
    expect(() => planner({ SAMRAAD_QUERY_PLANNER: "js" })).toThrow('SAMRAAD_QUERY_PLANNER must be "rust" or "javascript", got "js"');
  });
});

describe("SAMRAAD_LOG_LEVEL", () => {
  it("is checked at the gateway's start too (the logger reads it itself)", () => {
    expect(() => parseConfig(gatewayEnvironment, { ...base, SAMRAAD_LOG_LEVEL: "verbose" })).toThrow(
      /SAMRAAD_LOG_LEVEL must be "fatal" or/,
    );
  });
});

describe("the gateway's traces", () => {
  it("go to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces; none without either", () => {
    const endpoint = (vars: Record<string, string>) => parseConfig(gatewayEnvironment, { ...base, ...vars }).tracesEndpoint;
    expect(endpoint({})).toBeUndefined();
    expect(endpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" })).toBe("http://127.0.0.1:4318/v1/traces");
    expect(() => endpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "127.0.0.1:4318" })).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "127.0.0.1:4318"',
    );
  });
});

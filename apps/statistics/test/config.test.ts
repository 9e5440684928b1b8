import { generateGrantKeyPair, generateInternalKeyPair } from "@samraad/access";
import { ConfigError, parseConfig } from "@samraad/config";
import { beforeAll, describe, expect, it } from "vitest";
import { statisticsEnvironment } from "../src/config.ts";

let valid: Record<string, string>;
beforeAll(async () => {
  valid = {
    SAMRAAD_INTERNAL_PUBLIC_KEYS: generateInternalKeyPair().publicPem,
    SAMRAAD_GRANT_PUBLIC_KEY: (await generateGrantKeyPair()).publicPem,
  };
});

function problems(vars: Record<string, string>): string[] {
  try {
    parseConfig(statisticsEnvironment, { ...valid, ...vars });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("the statistics service's configuration: the extractor's token", () => {
  it("client credentials, else a fixed token, else (outside production) the development issuer", () => {
    const client = parseConfig(statisticsEnvironment, {
      ...valid,
      SAMRAAD_STATISTICS_TOKEN_URL: "https://idp.example/token",
      SAMRAAD_STATISTICS_CLIENT_ID: "statistics-extractor",
      SAMRAAD_STATISTICS_CLIENT_SECRET: "s",
      SAMRAAD_STATISTICS_RESOURCE: "https://gateway.example",
    });
    expect(client.extractor.client).toEqual({
      tokenUrl: "https://idp.example/token",
      clientId: "statistics-extractor",
      clientSecret: "s",
      scope: undefined,
      resource: "https://gateway.example",
    });
    expect(parseConfig(statisticsEnvironment, { ...valid, SAMRAAD_STATISTICS_TOKEN: "t" }).extractor).toEqual({
      client: null,
      token: "t",
      production: false,
    });
    expect(parseConfig(statisticsEnvironment, valid).extractor).toEqual({ client: null, token: undefined, production: false });
  });

  // Before, half a client configuration, or none in production, threw when the schedule
  // started (a stack trace), and a misspelt secret variable was never read at all.
  it("refuses half a client, and no token in production while the extraction is on, naming the variable", () => {
    expect(problems({ SAMRAAD_STATISTICS_TOKEN_URL: "https://idp.example/token" })).toEqual([
      "SAMRAAD_STATISTICS_CLIENT_ID must be set with SAMRAAD_STATISTICS_TOKEN_URL (the extractor's client id), it is not set",
      "SAMRAAD_STATISTICS_CLIENT_SECRET must be set with SAMRAAD_STATISTICS_TOKEN_URL (the extractor's client secret), it is not set",
    ]);
    expect(
      problems({ SAMRAAD_STATISTICS_TOKEN_URL: "idp/token", SAMRAAD_STATISTICS_CLIENT_ID: "a", SAMRAAD_STATISTICS_CLIENT_SECRET: "b" }),
    ).toEqual(['SAMRAAD_STATISTICS_TOKEN_URL must be an http:// or https:// URL, got "idp/token"']);
    expect(problems({ NODE_ENV: "production", SAMRAAD_STATISTICS_EXTRACT_MINUTES: "60" })).toEqual([
      "SAMRAAD_STATISTICS_TOKEN_URL must be set in production while the extraction is on (with _CLIENT_ID and _CLIENT_SECRET; or SAMRAAD_STATISTICS_TOKEN), it is not set",
    ]);
    expect(problems({ NODE_ENV: "production" })).toEqual([]);
    expect(problems({ NODE_ENV: "production", SAMRAAD_STATISTICS_EXTRACT_MINUTES: "60", SAMRAAD_STATISTICS_TOKEN: "t" })).toEqual([]);
  });
});

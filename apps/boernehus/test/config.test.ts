import {
  generateGrantKeyPair,
  generateInternalKeyPair,
  MUNICIPALITY_STATEMENT_ISSUER,
  signStatement,
  statementKeys,
  verifyStatement,
} from "@samraad/access";
import { ConfigError, parseConfig } from "@samraad/config";
import { extractPage, pseudonym } from "@samraad/subgraph-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { boernehusEnvironment } from "../src/config.ts";

let valid: Record<string, string>;
let statement: { privatePem: string; publicPem: string };
beforeAll(async () => {
  const grant = await generateGrantKeyPair();
  statement = await generateGrantKeyPair();
  valid = {
    SAMRAAD_INTERNAL_PUBLIC_KEYS: generateInternalKeyPair().publicPem,
    SAMRAAD_GRANT_PUBLIC_KEY: grant.publicPem,
    SAMRAAD_GRANT_PRIVATE_KEY: grant.privatePem,
    SAMRAAD_STATEMENT_PUBLIC_KEY: statement.publicPem,
  };
});

function problems(vars: Record<string, string>): string[] {
  try {
    parseConfig(boernehusEnvironment, { ...valid, ...vars });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("the børnehus's configuration", () => {
  it("has the documented defaults", () => {
    const config = parseConfig(boernehusEnvironment, valid);
    expect(config.access).toEqual({ graceDays: 30, emergencyHours: 4 });
    expect(config).toMatchObject({
      finalNoteTargetMonths: 4,
      consultationReminderWeeks: 4,
      alertScanEveryMs: 300_000,
      listen: { host: "127.0.0.1", port: 4004 },
    });
    expect(config.grantPrivateKey).toContain("PRIVATE KEY");
  });

  // Before, the keys were read from the environment at their first use (a statement, an extraction).
  it("parses the keys at start: the municipality's statement key, and the pseudonym key when set", async () => {
    expect(problems({ SAMRAAD_STATEMENT_PUBLIC_KEY: "" })).toEqual([
      "SAMRAAD_STATEMENT_PUBLIC_KEY must be set to the municipality's statement key (Ed25519 SPKI PEM), it is not set",
    ]);
    const config = parseConfig(boernehusEnvironment, { ...valid, SAMRAAD_PSEUDONYM_KEY: "p".repeat(32) });
    const municipalityKeys = statementKeys(statement.publicPem, statement.privatePem);
    const fact = { caseId: "case-1", objection: false };
    const signed = await signStatement("custody", fact, {
      sub: "someone",
      issuer: MUNICIPALITY_STATEMENT_ISSUER,
      privateKey: municipalityKeys.privateKey,
    });
    const verify = { sub: "someone", issuer: MUNICIPALITY_STATEMENT_ISSUER, record: "case-1" };
    expect(await verifyStatement("custody", signed, { ...verify, publicKey: config.statementKeys.publicKey })).toEqual(fact);
    const other = statementKeys((await generateGrantKeyPair()).publicPem);
    expect(await verifyStatement("custody", signed, { ...verify, publicKey: other.publicKey })).toBeNull();
    // The same pseudonym for the same key, another for another; unset, the extraction says it is not configured.
    expect(pseudonym(config.pseudonymKey, "course", "case-1")).toBe(pseudonym(config.pseudonymKey, "course", "case-1"));
    const otherKey = parseConfig(boernehusEnvironment, { ...valid, SAMRAAD_PSEUDONYM_KEY: "q".repeat(32) }).pseudonymKey;
    expect(pseudonym(otherKey, "course", "case-1")).not.toBe(pseudonym(config.pseudonymKey, "course", "case-1"));
    const unset = parseConfig(boernehusEnvironment, valid).pseudonymKey;
    expect(unset).toBeNull();
    expect(() => pseudonym(unset, "course", "case-1")).toThrow(/not configured \(SAMRAAD_PSEUDONYM_KEY\)/);
    expect(() => extractPage(unset, { after: "x" })).toThrow(/not configured/);
  });

  // Before, 0 (and any other wrong value) silently became 4 hours.
  it("refuses each wrong value, naming the variable and what it expects", () => {
    expect(problems({ SAMRAAD_EMERGENCY_ACCESS_HOURS: "0" })).toEqual([
      'SAMRAAD_EMERGENCY_ACCESS_HOURS must be a number of hours between 1 and 24, got "0"',
    ]);
    expect(problems({ SAMRAAD_PARTICIPATION_GRACE_DAYS: "-1" })).toEqual([
      'SAMRAAD_PARTICIPATION_GRACE_DAYS must be a number of days from 0 to 365, got "-1"',
    ]);
    expect(problems({ SAMRAAD_FINAL_NOTE_TARGET_MONTHS: "three" })).toEqual([
      'SAMRAAD_FINAL_NOTE_TARGET_MONTHS must be a number of months from 1 to 24, got "three"',
    ]);
    expect(problems({ SAMRAAD_CONSULTATION_REMINDER_WEEKS: "0" })).toEqual([
      'SAMRAAD_CONSULTATION_REMINDER_WEEKS must be a number of weeks from 1 to 26, got "0"',
    ]);
    expect(parseConfig(boernehusEnvironment, { ...valid, SAMRAAD_CONSULTATION_REMINDER_WEEKS: "6" }).consultationReminderWeeks).toBe(6);
    expect(problems({ SAMRAAD_ALERT_SCAN_MINUTES: "40000" })[0]).toMatch(/^SAMRAAD_ALERT_SCAN_MINUTES must be a number of minutes/);
    expect(problems({ SAMRAAD_WEBHOOK_ALLOWED_NETWORKS: "10.0.0.0/33" })[0]).toMatch(/^SAMRAAD_WEBHOOK_ALLOWED_NETWORKS must be CIDRs/);
    expect(problems({ BOERNEHUS_PORT: "http" })).toEqual(['BOERNEHUS_PORT must be a port number from 0 to 65535, got "http"']);
    expect(problems({ BOERNEHUS_DATABASE_URL: "boernehus-db" })[0]).toMatch(/^BOERNEHUS_DATABASE_URL must be a PostgreSQL URL/);
    expect(problems({ SAMRAAD_GRANT_PRIVATE_KEY: "" })).toEqual([
      "SAMRAAD_GRANT_PRIVATE_KEY must be set to the børnehus's case grant key (Ed25519 PKCS8 PEM), it is not set",
    ]);
    expect(problems({ SAMRAAD_INTERNAL_PUBLIC_KEYS: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" })[0]).toMatch(
      /^SAMRAAD_INTERNAL_PUBLIC_KEYS must be one or 2 Ed25519 public keys/,
    );
    expect(problems({ SAMRAAD_IDEMPOTENCY_KEY_HOURS: "0" })[0]).toMatch(/^SAMRAAD_IDEMPOTENCY_KEY_HOURS must be a number of hours/);
  });

  it("refuses combinations: a moved clock in production, a checkpoint folder without its key", () => {
    expect(problems({ NODE_ENV: "production", SAMRAAD_CLOCK_START: "2030-01-01T00:00:00Z" })).toEqual([
      'SAMRAAD_CLOCK_START must not be set with NODE_ENV=production, got "2030-01-01T00:00:00Z"',
    ]);
    expect(problems({ SAMRAAD_AUDIT_CHECKPOINT_DIR: "/tmp/checkpoints" })[0]).toMatch(
      /^SAMRAAD_AUDIT_CHECKPOINT_KEY must be set with SAMRAAD_AUDIT_CHECKPOINT_DIR/,
    );
  });
});

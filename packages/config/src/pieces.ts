import { createPrivateKey, createPublicKey } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";

/**
 * The pieces every service's schema is made of. Each is one environment variable: text in,
 * a typed value out, or an issue that says what the variable expects (parse.ts puts the
 * variable's name in front and the value it got behind).
 */

/** A variable read by `read`: `undefined` from `read` means the text is wrong. */
function variable<T>(expects: string, read: (raw: string) => T | undefined) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      if (raw === undefined || raw === "") return undefined;
      const value = read(raw);
      if (value === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${expects}` });
      return value;
    });
}

/** Required: unset or empty is refused, with what it expects. */
export function required<T>(piece: z.ZodType<T | undefined, z.ZodTypeDef, string | undefined>, expects: string) {
  return piece.transform((value, ctx): T => {
    if (value === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be set to ${expects}` });
    return value as T;
  });
}

/** A whole number from `min` to `max` (`expects` words it for the operator: "a number of hours between 1 and 24"). */
export function wholeNumber(options: { min: number; max: number; fallback: number; expects: string }) {
  return variable(options.expects, (raw) => {
    const value = Number(raw);
    return /^\s*-?\d+\s*$/.test(raw) && value >= options.min && value <= options.max ? value : undefined;
  }).transform((value) => value ?? options.fallback);
}

/**
 * The longest interval a Node timer holds: 2^31-1 ms, 35,791 minutes (about 24 days). A longer
 * setInterval does not wait longer, it fires every millisecond (with only a
 * TimeoutOverflowWarning): "extract once in a long while" became "extract continuously".
 */
export const MAX_TIMER_MINUTES = Math.floor((2 ** 31 - 1) / 60_000);

/**
 * How often a background job runs, in minutes (above 0, at most 35,791), as milliseconds.
 * `fallback` null: off when unset; `zeroTurnsOff`: 0 is off too.
 */
export function everyMinutes(fallback: number | null, options: { zeroTurnsOff?: boolean } = {}) {
  const off = options.zeroTurnsOff ? ", or 0 for off" : "";
  return variable(
    `a number of minutes above 0 and at most ${MAX_TIMER_MINUTES} (about 24 days)${off}`,
    (raw): number | null | undefined => {
      const value = Number(raw.trim());
      if (value === 0 && options.zeroTurnsOff) return null;
      return raw.trim() !== "" && Number.isFinite(value) && value > 0 && value <= MAX_TIMER_MINUTES ? value * 60_000 : undefined;
    },
  ).transform((ms) => (ms !== undefined ? ms : fallback === null ? null : fallback * 60_000));
}

/** Where a service listens: an IP address or localhost (default 127.0.0.1: reachable from elsewhere only when an operator says so). */
export const host = variable("an IP address (or localhost), e.g. 0.0.0.0 or 10.1.2.3", (raw) =>
  raw === "localhost" || isIP(raw) !== 0 ? raw : undefined,
).transform((value) => value ?? "127.0.0.1");

/** A port, 0 (any free port) to 65535. */
export function port(fallback: number) {
  return wholeNumber({ min: 0, max: 65_535, fallback, expects: "a port number from 0 to 65535" });
}

/** A URL with one of the given protocols. */
function urlWith(expects: string, protocols: readonly string[]) {
  return variable(expects, (raw) => (URL.canParse(raw) && protocols.includes(new URL(raw).protocol) ? raw : undefined));
}

/** An http(s) URL. */
export const httpUrl = urlWith("an http:// or https:// URL", ["http:", "https:"]);

/** A PostgreSQL connection URL. */
export const databaseUrl = urlWith("a PostgreSQL URL (postgresql://user@host/database)", ["postgresql:", "postgres:"]);

/** PEM text with `\n` written as two characters (as some deployment tools hand it over) made real. */
function pemText(raw: string): string {
  return raw.includes("\\n") && !raw.includes("\n") ? raw.replaceAll("\\n", "\n") : raw;
}

/** An Ed25519 public key (SPKI PEM); `upTo` blocks one after the other (a key switch). */
export function publicKeys(upTo: number) {
  const expects = upTo > 1 ? `one or ${upTo} Ed25519 public keys (SPKI PEM blocks)` : "an Ed25519 public key (SPKI PEM)";
  return variable(expects, (raw) => {
    const blocks = pemText(raw).match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
    if (blocks.length === 0 || blocks.length > upTo) return undefined;
    try {
      return blocks.every((pem) => createPublicKey(pem).asymmetricKeyType === "ed25519") ? blocks : undefined;
    } catch {
      return undefined;
    }
  });
}

/** An Ed25519 private key (PKCS8 PEM), checked here so a broken key stops the start, not the first request. */
export const privateKey = variable("an Ed25519 private key (PKCS8 PEM)", (raw) => {
  const pem = pemText(raw);
  try {
    return createPrivateKey(pem).asymmetricKeyType === "ed25519" ? pem : undefined;
  } catch {
    return undefined;
  }
});

/** A secret of at least `minLength` characters. */
export function secret(minLength: number) {
  return variable(`a secret of at least ${minLength} characters`, (raw) => (raw.length >= minLength ? raw : undefined));
}

/** One of the given words. */
export function oneOf<const T extends string>(values: readonly T[], fallback: T) {
  return variable(values.map((v) => `"${v}"`).join(" or "), (raw) => values.find((v) => v === raw)).transform((value) => value ?? fallback);
}

/** A comma-separated list (blanks dropped); each item checked by `item`. */
export function list<T>(expects: string, item: (text: string) => T | undefined) {
  return variable(expects, (raw) => {
    const items = raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map(item);
    return items.every((value) => value !== undefined) ? (items as T[]) : undefined;
  }).transform((values) => values ?? []);
}

/** Free text (a path, a name), unchecked. */
export const text = z
  .string()
  .optional()
  .transform((raw) => (raw === "" ? undefined : raw));

/** NODE_ENV: only "production" changes behaviour. */
export const nodeEnv = z
  .string()
  .optional()
  .transform((value) => ({ production: value === "production" }));

/** An instant (ISO 8601), e.g. 2030-01-01T00:00:00Z. */
export const instant = variable("an instant such as 2030-01-01T00:00:00Z", (raw) => {
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? undefined : at;
});

/** Log levels pino knows. */
export const logLevel = oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info");

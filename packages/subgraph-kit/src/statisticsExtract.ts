import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { badInput, DomainError } from "./errors.ts";

/**
 * The sector side of the statistics extraction (docs/indicators.md, "Where statistics are
 * computed"). Each sector subgraph hands the statistics service per-course facts, keyed by
 * a pseudonym that every sector computes the same way from the case id with a key the
 * statistics service does not hold (SAMRAAD_PSEUDONYM_KEY). The statistics database can so
 * join the sectors' facts on one course, but cannot get back to the case, the child or the
 * caseworker: it never sees a case id, a name, a CPR number or a birth date.
 */

/**
 * SAMRAAD_PSEUDONYM_KEY, parsed once at start-up by a sector's config (sectorSettings) and
 * carried on its request context: the HMAC key of the pseudonyms and the key of the page cursors.
 */
export interface PseudonymKey {
  readonly hmacKey: string;
  readonly cursorKey: Buffer;
}

/** The key from the configured secret (the config has checked its length); null when unset. */
export function pseudonymKey(secret: string | undefined): PseudonymKey | null {
  if (!secret) return null;
  return { hmacKey: secret, cursorKey: createHash("sha256").update(`cursor:${secret}`).digest() };
}

/** An unset key is met only when an extraction is asked for: a sector without statistics still starts. */
function configured(key: PseudonymKey | null): PseudonymKey {
  if (!key) throw new DomainError("INTERNAL_SERVER_ERROR", "The statistics extraction is not configured (SAMRAAD_PSEUDONYM_KEY).");
  return key;
}

/** A keyed HMAC-SHA256 pseudonym, base64url: the same in every sector for the same kind and id. */
export function pseudonym(key: PseudonymKey | null, kind: "course" | "caseworker", id: string): string {
  return createHmac("sha256", configured(key).hmacKey).update(`${kind}:${id}`).digest("base64url");
}

const DANISH_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Danish time (YYYY-MM-DD): statistics count days, not hours. */
export function danishDate(instant: Date): string;
export function danishDate(instant: Date | null | undefined): string | null;
export function danishDate(instant: Date | null | undefined): string | null {
  return instant ? DANISH_DATE.format(instant) : null;
}

/** The age bands statistics are broken down by (never the birth date). */
export const AGE_BANDS = ["AGE_0_5", "AGE_6_11", "AGE_12_17"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age <= 5) return "AGE_0_5";
  if (age <= 11) return "AGE_6_11";
  return "AGE_12_17";
}

// The page cursor is the last case id, encrypted: the extractor pages through the cases
// without ever learning a case id.
export function encodeExtractCursor(key: PseudonymKey | null, lastId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", configured(key).cursorKey, iv);
  const body = Buffer.concat([cipher.update(lastId, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

function decodeExtractCursor(key: PseudonymKey, cursor: string): string {
  try {
    const raw = Buffer.from(cursor, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key.cursorKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw badInput("after is not a cursor this extraction issued; start again without it.", "after");
  }
}

export const MAX_EXTRACT_PAGE = 5000;

/** Validated keyset paging: the case id to start after (if any) and how many to take. */
export function extractPage(
  key: PseudonymKey | null,
  args: { after?: string | null; first?: number | null },
): { afterId: string | null; take: number } {
  const take = args.first ?? 1000;
  if (!Number.isInteger(take) || take < 1 || take > MAX_EXTRACT_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_EXTRACT_PAGE}.`, "first");
  }
  return { afterId: args.after ? decodeExtractCursor(configured(key), args.after) : null, take };
}

/** One page of facts with the cursor to the next; rows keep their caseId for the audit log only. */
export function extractResult<T extends { caseId: string }>(
  key: PseudonymKey | null,
  rows: T[],
  take: number,
): { facts: T[]; endCursor: string | null; hasNextPage: boolean } {
  const last = rows.at(-1);
  return { facts: rows, endCursor: last ? encodeExtractCursor(key, last.caseId) : null, hasNextPage: rows.length === take };
}

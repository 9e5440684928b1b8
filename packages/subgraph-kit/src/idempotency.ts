import { createHash } from "node:crypto";
import type { Principal } from "@samraad/access";
import { badInput, DomainError } from "./errors.ts";

/** The raw SQL a transaction offers (Prisma's `$queryRawUnsafe` / `$executeRawUnsafe`). */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** The argument every mutation of every subgraph accepts (see docs/api.md). */
export const IDEMPOTENCY_KEY_ARGUMENT = "idempotencyKey";
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** Who a key belongs to: the same key from another principal is another key. */
export function principalScope(principal: Principal): string {
  return `${principal.sector}/${principal.organisation}/${principal.sub}`;
}

/** A stable hash of the mutation's input: object keys sorted, the key itself left out. */
export function requestHash(args: Record<string, unknown>): string {
  const { [IDEMPOTENCY_KEY_ARGUMENT]: _key, ...input } = args;
  return createHash("sha256").update(stableJson(input)).digest("hex");
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function validateIdempotencyKey(key: unknown): string {
  if (typeof key !== "string" || !KEY_PATTERN.test(key)) {
    throw badInput(
      `${IDEMPOTENCY_KEY_ARGUMENT} must be 8-200 characters of letters, digits and . _ : - (a UUID is a good choice).`,
      IDEMPOTENCY_KEY_ARGUMENT,
    );
  }
  return key;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The stored first result, with its date-times as Dates again (as the data layer returned them). */
function revive(stored: unknown): unknown {
  const json = typeof stored === "string" ? stored : JSON.stringify(stored);
  return JSON.parse(json, (_key, value) => (typeof value === "string" && ISO_DATE_TIME.test(value) ? new Date(value) : value));
}

export interface IdempotentCall {
  sql: SqlClient;
  principal: Principal;
  /** `Mutation.<field>`: the same key for another operation is another key. */
  operation: string;
  key: string;
  args: Record<string, unknown>;
  /** The request's instant on the service's clock: when the key was first used. */
  now: Date;
}

/**
 * Runs `write` at most once per (principal, operation, key), inside the caller's
 * transaction. The key row is inserted first: a concurrent retry with the same key
 * waits on it (unique index) until the first commits, then reads the first result.
 * If the write fails, the transaction rolls back and takes the key with it, so a
 * retry runs it again.
 */
export async function runIdempotent<T>(
  call: IdempotentCall,
  write: () => Promise<T>,
  /**
   * A replay is no side door (issue 19): the stored first result goes through this before it
   * is returned, which re-checks the principal's access now and returns what they may see now
   * (or throws NOT_FOUND). Without it the stored result is returned as it was.
   */
  replay: (stored: T) => Promise<T> = async (stored) => stored,
): Promise<T> {
  const scope = principalScope(call.principal);
  const hash = requestHash(call.args);
  const claimed = await call.sql.$queryRawUnsafe<unknown[]>(
    `INSERT INTO samraad_meta.idempotency_key (principal, operation, key, request_hash, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (principal, operation, key) DO NOTHING RETURNING 1 AS claimed`,
    scope,
    call.operation,
    call.key,
    hash,
    call.now,
  );
  if (claimed.length === 0) {
    const [first] = await call.sql.$queryRawUnsafe<Array<{ request_hash: string; result: unknown }>>(
      "SELECT request_hash, result FROM samraad_meta.idempotency_key WHERE principal = $1 AND operation = $2 AND key = $3",
      scope,
      call.operation,
      call.key,
    );
    if (!first || first.request_hash !== hash) {
      throw new DomainError(
        "IDEMPOTENCY_KEY_REUSED",
        `This ${IDEMPOTENCY_KEY_ARGUMENT} was already used for ${call.operation} with different input. Use a new key for a new request.`,
        { operation: call.operation },
      );
    }
    return replay(revive(first.result) as T);
  }
  const result = await write();
  await call.sql.$executeRawUnsafe(
    "UPDATE samraad_meta.idempotency_key SET result = $4::jsonb WHERE principal = $1 AND operation = $2 AND key = $3",
    scope,
    call.operation,
    call.key,
    JSON.stringify(result ?? null),
  );
  return result;
}

/**
 * Forgets keys older than `olderThanHours` (SAMRAAD_IDEMPOTENCY_KEY_HOURS, default 72): by
 * then every client has retried or given up, and a stored result may hold personal data
 * (run by the retention job).
 */
export async function purgeIdempotencyKeys(sql: SqlClient, now: Date, olderThanHours: number): Promise<number> {
  return sql.$executeRawUnsafe(
    "DELETE FROM samraad_meta.idempotency_key WHERE created_at < $1",
    new Date(now.getTime() - olderThanHours * 3_600_000),
  );
}

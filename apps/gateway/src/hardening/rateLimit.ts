import { createHmac, hkdfSync } from "node:crypto";
import type http from "node:http";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { type InternalSigningKey, SURVEY_RESPONDENT } from "@samraad/access";
import pg from "pg";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { AuthenticatedUser } from "../upstream/signUpstream.ts";
import { clientAddress } from "./clientAddress.ts";
import type { GatewayLimits } from "./limits.ts";

export interface RateLimiter {
  /**
   * Counts one request for the principal; null when allowed, else seconds until it may try again.
   * The survey respondent (everyone without a token) is counted per `address` first, then in the
   * respondents' shared budget: one client cannot spend everyone's.
   */
  consume(user: AuthenticatedUser, address?: string): Promise<number | null>;
  /** "shared": one budget across all gateway replicas; "per-replica": each replica counts alone. */
  readonly scope: "shared" | "per-replica";
  close(): Promise<void>;
}

/**
 * Per-principal rate limits (rate-limiter-flexible, fixed window).
 *
 * With `databaseUrl` (SAMRAAD_RATE_LIMIT_DATABASE_URL) the counters live in one
 * PostgreSQL table that every gateway replica shares (DESIGN §7: no state that must be
 * shared lives in one process): a principal's budget is the same however the load
 * balancer spreads its requests. If that database fails, each replica falls back to an
 * in-memory counter (insurance) rather than refusing everyone or letting everyone through.
 *
 * Without it (development, tests, a single replica) the counters are in memory and the
 * budget is per replica: with N replicas a principal gets at most N × the budget.
 * The gateway says so in its start-up log line.
 *
 * Sector systems (role `system`) get their own, larger budget. The key is a keyed hash of the
 * principal's `sub` (or a respondent's address), so the table holds no readable identifier.
 */
export async function createRateLimiter(limits: GatewayLimits, signingKey: InternalSigningKey, databaseUrl?: string): Promise<RateLimiter> {
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 4 }) : undefined;
  // A lost idle connection must not end the gateway (unhandled 'error'); the pool reconnects.
  pool?.on("error", (error) => {
    console.error(JSON.stringify({ level: "warn", msg: "rate limit store: idle database connection lost", error: error.message }));
  });
  const unnamed = pool && unnamedStatements(pool);
  const make = async (name: string, points: number): Promise<RateLimiterAbstract> => {
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: limits.rateLimitWindowSeconds });
    if (!pool) return memory;
    // The table is made (IF NOT EXISTS) on first start; wait for it before serving.
    return new Promise((resolve, reject) => {
      const limiter: RateLimiterAbstract = new RateLimiterPostgres(
        {
          storeClient: unnamed,
          storeType: "pool",
          tableName: "gateway_rate_limit",
          keyPrefix: name,
          points,
          duration: limits.rateLimitWindowSeconds,
          insuranceLimiter: memory,
        },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
  };
  const people = await make("people", limits.rateLimitPerWindow);
  const systems = await make("systems", limits.systemRateLimitPerWindow);
  const surveyAddresses = await make("survey-address", limits.surveyRateLimitPerAddress);
  // Keys are keyed hashes (HMAC under a key derived from the signing key, the one secret every
  // gateway replica holds and the table does not): it holds no readable identifier of a person,
  // and an address's key cannot be found by trying every address (a plain hash of an IPv4 address can).
  const secret = signingKey.privateKey.export({ format: "der", type: "pkcs8" });
  const keySecret = new Uint8Array(hkdfSync("sha256", secret, "", "samraad gateway rate-limit keys", 32));
  const keyOf = (value: string) => createHmac("sha256", keySecret).update(value).digest("base64url").slice(0, 32);
  const take = async (limiter: RateLimiterAbstract, key: string): Promise<number | null> => {
    try {
      await limiter.consume(key);
      return null;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      throw refused;
    }
  };
  return {
    scope: pool ? "shared" : "per-replica",
    async consume(user, address) {
      if (address !== undefined && user.principal.sub === SURVEY_RESPONDENT.sub) {
        const wait = await take(surveyAddresses, keyOf(address));
        if (wait !== null) return wait;
      }
      return take(user.principal.roles.includes("system") ? systems : people, keyOf(user.principal.sub));
    },
    async close() {
      await pool?.end();
    },
  };
}

/**
 * The pool as rate-limiter-flexible uses it, minus statement names: named prepared
 * statements break behind a transaction-mode pooler (PgBouncer) and on PGlite, where
 * all connections share one session. The statements are tiny; planning them is cheap.
 */
function unnamedStatements(pool: pg.Pool) {
  return { query: (q: { text: string; values?: unknown[] }) => pool.query({ text: q.text, values: q.values }) };
}

/** Refuses a principal over its budget with 429, RATE_LIMITED and Retry-After, before parsing anything. */
export function useRateLimit(limiter: RateLimiter, users: WeakMap<Request, AuthenticatedUser>, trustedProxyHops: number): GatewayPlugin {
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const user = users.get(request);
      if (!user) return; // unauthenticated requests were answered already
      const req = (serverContext as { req?: http.IncomingMessage } | undefined)?.req;
      const retryAfter = await limiter.consume(user, clientAddress(req, trustedProxyHops));
      if (retryAfter === null) return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [
              {
                message: `Too many requests. Try again in ${retryAfter} s.`,
                extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter },
              },
            ],
          }),
          { status: 429, headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfter) } },
        ),
      );
    },
  };
}

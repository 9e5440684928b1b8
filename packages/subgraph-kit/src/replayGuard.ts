import type { SqlClient } from "./idempotency.ts";
import type { KeyedReader } from "./keyedReads.ts";

/** Single use of internal tokens: true the first time a `jti` is seen, false ever after (until it expires). */
export interface ReplayGuard {
  firstUse(jti: string, exp: number): Promise<boolean>;
}

/** How often, at most, expired token ids are deleted (seconds). */
const PURGE_EVERY_SECONDS = 10;

/**
 * The replay guard in the subgraph's own database (`samraad_meta.internal_token_use`,
 * platform migration), shared by every replica of the subgraph: DESIGN.md 7 keeps no state
 * that replicas must share in one process's memory, and a signed request replayed to the
 * other replica behind the load balancer within its 30 s must be refused there too.
 *
 * The INSERT … ON CONFLICT DO NOTHING is the check and the record in one statement: of two
 * replicas that get the same token at the same moment, exactly one inserts the row.
 * Expired ids are deleted every 10 s or so, by whichever replica gets there (cheap: the
 * table holds about 30 s of requests).
 *
 * Machine time on purpose, as for every signature's freshness: a token's `exp` is the
 * gateway's real time, whatever the service's domain clock says.
 */
export class DatabaseReplayGuard implements ReplayGuard {
  private lastPurge = 0;

  /** The statement goes through the data layer's plain pool (`keyed`) when it has one, not Prisma. */
  private readonly execute: SqlClient["$executeRawUnsafe"];

  constructor(db: SqlClient & { keyed?: KeyedReader }) {
    this.execute = db.keyed ? (text, ...values) => (db.keyed as KeyedReader).execute(text, ...values) : db.$executeRawUnsafe.bind(db);
  }

  async firstUse(jti: string, exp: number): Promise<boolean> {
    const now = Math.floor(Date.now() / 1000);
    if (now - this.lastPurge >= PURGE_EVERY_SECONDS) {
      this.lastPurge = now;
      // Not on the request's path: a failed purge only leaves rows for the next one.
      void this.execute("DELETE FROM samraad_meta.internal_token_use WHERE expires_at < to_timestamp($1::double precision)", now).catch(
        () => undefined,
      );
    }
    const inserted = await this.execute(
      "INSERT INTO samraad_meta.internal_token_use (jti, expires_at) VALUES ($1, to_timestamp($2::double precision)) ON CONFLICT DO NOTHING",
      jti,
      exp,
    );
    return inserted === 1;
  }
}

import pg from "pg";
import { type AuditEntry, type ChainedEntry, entryHash, GENESIS_HASH } from "./entry.ts";

/** Serialises appends per database, so the chain has exactly one head. */
const CHAIN_LOCK = 0x5a4d_0001;

export type VerifyResult = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

function fromRow(r: Record<string, unknown>): ChainedEntry {
  return {
    seq: Number(r.seq),
    at: new Date(r.at as string),
    requestId: String(r.request_id),
    actorSub: String(r.actor_sub),
    actorSector: String(r.actor_sector),
    actorOrg: String(r.actor_org),
    purpose: String(r.purpose),
    action: r.action as ChainedEntry["action"],
    decision: r.decision as ChainedEntry["decision"],
    caseIds: r.case_ids as string[],
    childIds: r.child_ids as string[],
    fieldPaths: r.field_paths as string[],
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

/**
 * The append-only, hash-chained audit log in a subgraph's own database
 * (table samraad_meta.audit_log, created by the platform migration).
 * It has its own small connection pool so that no data-layer code can reach it.
 */
export class AuditLog {
  private pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
    // An idle connection the server closes (restart, failover, a dropped test database)
    // would otherwise be an unhandled 'error' event that ends the process. The pool drops
    // the connection and the next append opens a new one.
    this.pool.on("error", (error) => {
      console.error(JSON.stringify({ level: "warn", msg: "audit log: idle database connection lost", error: error.message }));
    });
  }

  /** Appends waiting for the transaction in flight; the next transaction writes them all. */
  private waiting: Array<{ entry: AuditEntry; resolve(chained: ChainedEntry): void; reject(error: unknown): void }> = [];
  private draining = false;

  /**
   * Appends an entry and resolves once it is committed (callers answer only after that:
   * fail closed). Appends that arrive while a transaction is in flight are committed
   * together in the next one (group commit): under load, one lock, one head look-up
   * and one fsync serve many requests instead of one each.
   */
  append(entry: AuditEntry): Promise<ChainedEntry> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  // The flag is cleared in the same synchronous step that finds the queue empty, so an
  // append arriving later always starts a new drain.
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, 500);
        try {
          const chained = await this.appendAll(batch.map((b) => b.entry));
          for (const [i, b] of batch.entries()) b.resolve(chained[i] as ChainedEntry);
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async appendAll(entries: AuditEntry[]): Promise<ChainedEntry[]> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [CHAIN_LOCK]);
      const head = await client.query<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM samraad_meta.audit_log ORDER BY seq DESC LIMIT 1",
      );
      let seq = head.rows[0] ? Number(head.rows[0].seq) : 0;
      let prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
      const chained = entries.map((entry) => {
        seq += 1;
        const hash = entryHash(seq, prevHash, entry);
        const link = { ...entry, seq, prevHash, hash };
        prevHash = hash;
        return link;
      });
      const columns = 14;
      const tuples = chained.map((_, row) => `(${Array.from({ length: columns }, (_, col) => `$${row * columns + col + 1}`).join(", ")})`);
      await client.query(
        `INSERT INTO samraad_meta.audit_log
           (seq, at, request_id, actor_sub, actor_sector, actor_org, purpose, action, decision, case_ids, child_ids, field_paths, prev_hash, hash)
         VALUES ${tuples.join(", ")}`,
        chained.flatMap((e) => [
          e.seq,
          e.at,
          e.requestId,
          e.actorSub,
          e.actorSector,
          e.actorOrg,
          e.purpose,
          e.action,
          e.decision,
          e.caseIds,
          e.childIds,
          e.fieldPaths,
          e.prevHash,
          e.hash,
        ]),
      );
      await client.query("COMMIT");
      return chained;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Entries that touch any of these cases or children, oldest first (the DPO's access report). */
  async entriesFor(filter: { caseIds: string[]; childIds: string[] }): Promise<ChainedEntry[]> {
    const { rows } = await this.pool.query(
      "SELECT * FROM samraad_meta.audit_log WHERE case_ids && $1::text[] OR child_ids && $2::text[] ORDER BY seq",
      [filter.caseIds, filter.childIds],
    );
    return rows.map(fromRow);
  }

  /** Walks the whole chain and reports the first entry that was edited, removed or inserted. */
  async verify(): Promise<VerifyResult> {
    const { rows } = await this.pool.query("SELECT * FROM samraad_meta.audit_log ORDER BY seq");
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (const row of rows) {
      const e = fromRow(row);
      if (e.seq !== expectedSeq)
        return { ok: false, entries: rows.length, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      if (e.prevHash !== prevHash)
        return { ok: false, entries: rows.length, brokenAt: e.seq, reason: `entry ${e.seq} does not follow entry ${e.seq - 1}` };
      if (entryHash(e.seq, e.prevHash, e) !== e.hash)
        return { ok: false, entries: rows.length, brokenAt: e.seq, reason: `entry ${e.seq} was altered` };
      prevHash = e.hash;
      expectedSeq++;
    }
    return { ok: true, entries: rows.length, head: prevHash };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

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
  }

  async append(entry: AuditEntry): Promise<ChainedEntry> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [CHAIN_LOCK]);
      const head = await client.query<{ seq: string; hash: string }>(
        "SELECT seq, hash FROM samraad_meta.audit_log ORDER BY seq DESC LIMIT 1",
      );
      const seq = head.rows[0] ? Number(head.rows[0].seq) + 1 : 1;
      const prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
      const hash = entryHash(seq, prevHash, entry);
      await client.query(
        `INSERT INTO samraad_meta.audit_log
           (seq, at, request_id, actor_sub, actor_sector, actor_org, purpose, action, decision, case_ids, child_ids, field_paths, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          seq,
          entry.at,
          entry.requestId,
          entry.actorSub,
          entry.actorSector,
          entry.actorOrg,
          entry.purpose,
          entry.action,
          entry.decision,
          entry.caseIds,
          entry.childIds,
          entry.fieldPaths,
          prevHash,
          hash,
        ],
      );
      await client.query("COMMIT");
      return { ...entry, seq, prevHash, hash };
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

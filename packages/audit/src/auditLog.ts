import type { KeyObject } from "node:crypto";
import pg from "pg";
import { type Checkpointer, checkpointSignatureValid, type SignedCheckpoint } from "./checkpoint.ts";
import { type AuditEntry, type ChainedEntry, entryHash, GENESIS_HASH } from "./entry.ts";

const INSERT_BATCH = `INSERT INTO samraad_meta.audit_log
  SELECT * FROM json_populate_recordset(NULL::samraad_meta.audit_log, $1::json)`;

/** Attempts at linking one batch before the append fails (and, fail closed, the request with it). */
const MAX_ATTEMPTS = 10;

type Head = { seq: number; hash: string };
const GENESIS: Head = { seq: 0, hash: GENESIS_HASH };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";

export type VerifyResult = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** An audit_log row (its snake_case columns, as SQL or row_to_json returns them) as the entry it records. */
export function auditEntryFromRow(r: Record<string, unknown>): AuditEntry {
  return {
    at: new Date(r.at as string),
    requestId: String(r.request_id),
    actorSub: String(r.actor_sub),
    actorSector: String(r.actor_sector),
    actorOrg: String(r.actor_org),
    purpose: String(r.purpose),
    action: r.action as AuditEntry["action"],
    decision: r.decision as AuditEntry["decision"],
    caseIds: r.case_ids as string[],
    childIds: r.child_ids as string[],
    fieldPaths: r.field_paths as string[],
  };
}

function fromRow(r: Record<string, unknown>): ChainedEntry {
  return { ...auditEntryFromRow(r), seq: Number(r.seq), prevHash: String(r.prev_hash), hash: String(r.hash) };
}

/** Gives each entry its place on the chain after `head`. */
function link(head: Head, entries: AuditEntry[]): ChainedEntry[] {
  let { seq, hash: prevHash } = head;
  return entries.map((entry) => {
    seq += 1;
    const hash = entryHash(seq, prevHash, entry);
    const chained = { ...entry, seq, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

/**
 * The append-only, hash-chained audit log in a subgraph's own database
 * (table samraad_meta.audit_log, created by the platform migration).
 * It has its own small connection pool so that no data-layer code can reach it.
 */
export class AuditLog {
  private pool: pg.Pool;

  /** `checkpoints` anchors the chain's head outside the database (checkpoint.ts). */
  constructor(
    url: string,
    private readonly checkpoints: Checkpointer | null = null,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
    // An idle connection the server closes (restart, failover, a dropped test database)
    // would otherwise be an unhandled 'error' event that ends the process. The pool drops
    // the connection and the next append opens a new one.
    this.pool.on("error", (error) => {
      console.error(JSON.stringify({ level: "warn", msg: "audit log: idle database connection lost", error: error.message }));
    });
  }

  /** Appends waiting for the statement in flight; the next statement writes them all. */
  private waiting: Array<{ entry: AuditEntry; resolve(chained: ChainedEntry): void; reject(error: unknown): void }> = [];
  private draining = false;

  /**
   * Appends an entry and resolves once it is committed (callers answer only after that:
   * fail closed). Appends that arrive while an append is in flight are committed
   * together in the next one (group commit): under load, one statement and one fsync
   * serve many requests instead of one each.
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

  /** The last entry this process committed or read: the head the next batch links to. */
  private head: Head | null = null;

  /**
   * One statement per batch, no lock: the batch is linked to the head we know, and the
   * INSERT only goes through if that head is still the last entry. `seq` is the primary
   * key, so two writers (replicas sharing the database) linking to the same head cannot
   * both succeed, and the INSERT's condition refuses a head that is no longer in the
   * table at all. Either way nothing is written, we read the real head and link again.
   * It replaced BEGIN, an advisory lock, a head read, the INSERT and COMMIT: five round
   * trips with the lock held, per batch, on every subgraph request's path.
   */
  private async appendAll(entries: AuditEntry[]): Promise<ChainedEntry[]> {
    for (let attempt = 1; ; attempt++) {
      const head = this.head ?? (await this.readHead());
      const chained = link(head, entries);
      let inserted = false;
      try {
        inserted = await this.insertAfter(head, chained);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      if (inserted) {
        this.head = chained.at(-1) ?? head;
        this.anchor(this.head);
        return chained;
      }
      this.head = null;
      if (attempt === MAX_ATTEMPTS) throw new Error(`audit log: the chain head moved under ${MAX_ATTEMPTS} attempts in a row to append`);
    }
  }

  /**
   * The entries are committed whatever happens here: a checkpoint that cannot be written is
   * logged (the operator must see it) and tried again at the next append.
   */
  private anchor(head: Head): void {
    if (!this.checkpoints) return;
    try {
      this.checkpoints.afterAppend(head);
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "audit log: checkpoint not written", error: (error as Error).message }));
    }
  }

  private async readHead(): Promise<Head> {
    const { rows } = await this.pool.query<{ seq: string; hash: string }>(
      "SELECT seq, hash FROM samraad_meta.audit_log ORDER BY seq DESC LIMIT 1",
    );
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : GENESIS;
  }

  private async insertAfter(head: Head, chained: ChainedEntry[]): Promise<boolean> {
    // The batch travels as one JSON parameter: one short statement whatever the batch size.
    // (Not a named prepared statement: PGlite serves every connection from one session,
    // where a second connection's PREPARE of the same name fails.)
    const rows = JSON.stringify(
      chained.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        request_id: e.requestId,
        actor_sub: e.actorSub,
        actor_sector: e.actorSector,
        actor_org: e.actorOrg,
        purpose: e.purpose,
        action: e.action,
        decision: e.decision,
        case_ids: e.caseIds,
        child_ids: e.childIds,
        field_paths: e.fieldPaths,
        prev_hash: e.prevHash,
        hash: e.hash,
      })),
    );
    const { rowCount } = await this.pool.query(
      head.seq === 0
        ? { text: `${INSERT_BATCH} WHERE NOT EXISTS (SELECT 1 FROM samraad_meta.audit_log)`, values: [rows] }
        : {
            text: `${INSERT_BATCH} WHERE EXISTS (SELECT 1 FROM samraad_meta.audit_log WHERE seq = $2 AND hash = $3)`,
            values: [rows, head.seq, head.hash],
          },
    );
    return rowCount === chained.length;
  }

  /** Entries that touch any of these cases or children, oldest first (the DPO's access report). */
  async entriesFor(filter: { caseIds: string[]; childIds: string[] }): Promise<ChainedEntry[]> {
    const { rows } = await this.pool.query(
      "SELECT * FROM samraad_meta.audit_log WHERE case_ids && $1::text[] OR child_ids && $2::text[] ORDER BY seq",
      [filter.caseIds, filter.childIds],
    );
    return rows.map(fromRow);
  }

  /**
   * Walks the whole chain and reports the first entry that was edited, removed or inserted;
   * with the last published checkpoint (and the key it must be signed with), also a tail cut off.
   * Reads only.
   */
  async verify(anchor?: { checkpoint: SignedCheckpoint; publicKey: KeyObject }): Promise<VerifyResult> {
    const { rows } = await this.pool.query("SELECT * FROM samraad_meta.audit_log ORDER BY seq");
    // A checkpoint is evidence only when it is the subgraph's own: check that first.
    if (anchor && !checkpointSignatureValid(anchor.checkpoint, anchor.publicKey))
      return { ok: false, entries: rows.length, brokenAt: anchor.checkpoint.seq, reason: "the last checkpoint's signature is not valid" };
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
      if (anchor && e.seq === anchor.checkpoint.seq && e.hash !== anchor.checkpoint.hash)
        return {
          ok: false,
          entries: rows.length,
          brokenAt: e.seq,
          reason: `entry ${e.seq} is not the one checkpointed at ${anchor.checkpoint.at}`,
        };
      prevHash = e.hash;
      expectedSeq++;
    }
    if (anchor) {
      if (rows.length < anchor.checkpoint.seq)
        return {
          ok: false,
          entries: rows.length,
          brokenAt: rows.length + 1,
          reason: `the chain ends at entry ${rows.length}, but entry ${anchor.checkpoint.seq} was checkpointed at ${anchor.checkpoint.at}: its tail was cut off`,
        };
    }
    return { ok: true, entries: rows.length, head: prevHash };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

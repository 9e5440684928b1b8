import { createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The audit chain's anchor outside its own database. A hash chain shows an entry edited,
 * removed or inserted, but not a tail cut off: the shortened chain is still a valid chain.
 * So each subgraph publishes signed checkpoints of its chain head (seq and hash) to a
 * write-once store outside its database, every N entries or M minutes; `npm run
 * audit:verify` then refuses a chain that ends before the last checkpoint, or whose entry at
 * that seq has another hash.
 *
 * The store here is a folder of write-once files (created exclusively, read-only): in
 * production a mount on another organisation's host or on WORM storage (object lock), so that
 * whoever can rewrite the sector's database cannot also rewrite its anchors
 * (docs/deployment.md). Signed with the subgraph's own Ed25519 key, so a checkpoint cannot be
 * forged by whoever can write to the folder.
 */
export interface Checkpoint {
  /** Whose chain: the subgraph's name. */
  log: string;
  seq: number;
  hash: string;
  /** When, on the service's clock. */
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 over the canonical JSON of the checkpoint's four fields, base64url. */
  signature: string;
}

const canonical = (c: Checkpoint) => Buffer.from(JSON.stringify({ log: c.log, seq: c.seq, hash: c.hash, at: c.at }));

export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  return { ...checkpoint, signature: sign(null, canonical(checkpoint), privateKey).toString("base64url") };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, canonical(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64url"));
  } catch {
    return false;
  }
}

/** A folder of write-once checkpoint files, one per (log, seq). */
export class CheckpointFolder {
  constructor(private readonly dir: string) {}

  write(checkpoint: SignedCheckpoint): void {
    const folder = join(this.dir, checkpoint.log);
    mkdirSync(folder, { recursive: true });
    try {
      // "wx": never overwrite; read-only once written.
      writeFileSync(join(folder, `${String(checkpoint.seq).padStart(12, "0")}.json`), `${JSON.stringify(checkpoint)}\n`, {
        flag: "wx",
        mode: 0o444,
      });
    } catch (error) {
      // Another replica anchored the same head first: the same seq has the same hash.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }

  /** The checkpoint with the highest seq of this log, or null. */
  latest(log: string): SignedCheckpoint | null {
    let names: string[];
    try {
      names = readdirSync(join(this.dir, log)).filter((n) => /^\d{12}\.json$/.test(n));
    } catch {
      return null;
    }
    const last = names.sort().at(-1);
    return last ? (JSON.parse(readFileSync(join(this.dir, log, last), "utf8")) as SignedCheckpoint) : null;
  }
}

export interface CheckpointPolicy {
  log: string;
  folder: CheckpointFolder;
  privateKey: KeyObject;
  /** A checkpoint after this many new entries... */
  everyEntries: number;
  /** ...or once this long has passed since the last one, at the next append. */
  everyMs: number;
  now(): Date;
}

/** Decides, after each append, whether the head is due for a checkpoint, and writes it. */
export class Checkpointer {
  private last: { seq: number; at: number } | null = null;

  constructor(private readonly policy: CheckpointPolicy) {}

  afterAppend(head: { seq: number; hash: string }): void {
    const now = this.policy.now();
    if (this.last === null) {
      const published = this.policy.folder.latest(this.policy.log);
      this.last = published ? { seq: published.seq, at: Date.parse(published.at) } : { seq: 0, at: now.getTime() };
    }
    const due =
      head.seq - this.last.seq >= this.policy.everyEntries ||
      (head.seq > this.last.seq && now.getTime() - this.last.at >= this.policy.everyMs);
    if (!due) return;
    this.policy.folder.write(
      signCheckpoint({ log: this.policy.log, seq: head.seq, hash: head.hash, at: now.toISOString() }, this.policy.privateKey),
    );
    this.last = { seq: head.seq, at: now.getTime() };
  }
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}

import { createHash } from "node:crypto";

/** One audit entry: who, when, which case and child, which field paths (never values), why, and the decision. */
export interface AuditEntry {
  at: Date;
  requestId: string;
  actorSub: string;
  actorSector: string;
  actorOrg: string;
  purpose: string;
  action: "READ" | "WRITE";
  decision: "ALLOWED" | "DENIED";
  caseIds: string[];
  childIds: string[];
  fieldPaths: string[];
}

export interface ChainedEntry extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * The hash of an entry covers its sequence number, its predecessor's hash and every
 * field, in a fixed order: editing, removing or reordering any entry breaks the chain
 * from there on.
 */
export function entryHash(seq: number, prevHash: string, e: AuditEntry): string {
  const canonical = JSON.stringify([
    seq,
    prevHash,
    e.at.toISOString(),
    e.requestId,
    e.actorSub,
    e.actorSector,
    e.actorOrg,
    e.purpose,
    e.action,
    e.decision,
    [...e.caseIds].sort(),
    [...e.childIds].sort(),
    [...e.fieldPaths].sort(),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

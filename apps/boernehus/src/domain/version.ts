import { conflict } from "@samraad/subgraph-kit";

/**
 * Optimistic concurrency for records several people edit (meetings, action items, the
 * final note): the caller sends the version it read; a stale one is refused rather
 * than silently overwriting someone else's change.
 */
export function assertVersion(what: string, row: { version: number }, version: number): void {
  if (row.version !== version) {
    throw conflict(`${what} was changed by someone else (version ${row.version}, you sent ${version}). Reload it and try again.`);
  }
}

/** For `updateMany({ where: { id, version } })`: no row means a change slipped in between read and write. */
export function assertUpdated(what: string, count: number): void {
  if (count !== 1) throw conflict(`${what} was changed by someone else while you saved. Reload it and try again.`);
}

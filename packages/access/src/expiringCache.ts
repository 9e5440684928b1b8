import { LRUCache } from "lru-cache";

/**
 * Values remembered until a moment the caller sets (a token's expiry at the latest), for a
 * bounded number of keys (least recently used go first). Used where the same signed token
 * comes back many times: a person's bearer token at the gateway, a case grant the børnehus
 * signed and the subgraphs verified. For a verification, the key must name everything the
 * check depended on, so a hit is the same check, passed before.
 */
export class ExpiringCache<V extends {}> {
  private entries: LRUCache<string, { value: V; until: number }>;

  constructor(max = 10_000) {
    this.entries = new LRUCache({ max });
  }

  /** The remembered value, if it is still valid at `now` (ms since the epoch). */
  get(key: string, now: number): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > now) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Remembers `value` until `until` (ms since the epoch); nothing if that has passed. */
  set(key: string, value: V, until: number, now: number): void {
    if (until > now) this.entries.set(key, { value, until });
  }
}

/**
 * Remembers the `jti` of every internal token until it expires, so the same signed
 * request is answered once. Tokens live 30 seconds, so the set stays small.
 *
 * NOTE: per process. DESIGN.md 7 wants this in a shared store once subgraphs run as
 * several replicas (a replayed request could reach another replica within 30 s).
 */
export class ReplayGuard {
  private seen = new Map<string, number>();
  private lastSweep = 0;

  firstUse(jti: string, exp: number, now = Math.floor(Date.now() / 1000)): boolean {
    if (now - this.lastSweep > 10) {
      for (const [id, until] of this.seen) if (until < now) this.seen.delete(id);
      this.lastSweep = now;
    }
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, exp);
    return true;
  }
}

import type { InternalClaims } from "@samraad/access";
import type { AuditLog } from "@samraad/audit";
import type { TimeSource } from "@samraad/clocks";

/**
 * Collects, during one request, which fields were read or written about which cases
 * and children (paths only, never values), and which were refused. At the end of the
 * request it appends them to the audit log: one entry for what was allowed, one for
 * what was denied. Fail closed: if the log cannot be written, the answer is not sent.
 */
export class AuditRecorder {
  private allowed = new Set<string>();
  private denied = new Set<string>();
  private caseIds = new Set<string>();
  private childIds = new Set<string>();
  private write = false;

  touch(typeName: string, fieldName: string, source: unknown): void {
    if (typeName === "Mutation") this.write = true;
    this.allowed.add(`${typeName}.${fieldName}`);
    this.collectIds(typeName, source);
  }

  deny(typeName: string, fieldName: string, source: unknown): void {
    this.denied.add(`${typeName}.${fieldName}`);
    this.collectIds(typeName, source);
  }

  /** Rows say which case/child they belong to by `caseId` / `childId`; the hub and the child by `id`. */
  private collectIds(typeName: string, source: unknown): void {
    if (typeof source !== "object" || source === null) return;
    const row = source as Record<string, unknown>;
    if (typeof row.caseId === "string") this.caseIds.add(row.caseId);
    if (typeof row.childId === "string") this.childIds.add(row.childId);
    if (typeName === "BoernehusCase" && typeof row.id === "string") this.caseIds.add(row.id);
    if (typeName === "Child" && typeof row.id === "string") this.childIds.add(row.id);
  }

  async flush(log: AuditLog, claims: InternalClaims, clock: TimeSource): Promise<void> {
    const base = {
      at: clock.now(),
      requestId: claims.requestId,
      actorSub: claims.principal.sub,
      actorSector: claims.principal.sector,
      actorOrg: claims.principal.organisation,
      purpose: claims.purpose,
      action: this.write ? ("WRITE" as const) : ("READ" as const),
      caseIds: [...this.caseIds],
      childIds: [...this.childIds],
    };
    if (this.allowed.size > 0) await log.append({ ...base, decision: "ALLOWED", fieldPaths: [...this.allowed] });
    if (this.denied.size > 0) await log.append({ ...base, decision: "DENIED", fieldPaths: [...this.denied] });
  }
}

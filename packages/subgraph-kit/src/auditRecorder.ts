import { DEFAULT_PURPOSE, type InternalClaims, isEmergencyPurpose } from "@samraad/access";
import type { AuditEntry, AuditLog } from "@samraad/audit";
import type { TimeSource } from "@samraad/clocks";

/** graphql-js's response path (info.path): one object per field, shared by the fields of one object. */
export interface ResponsePath {
  readonly prev: ResponsePath | undefined;
}

/** The cases of this request that were read on emergency access, each with the purpose to record. */
export type EmergencyPurposes = (caseIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** What one case (or, under NO_CASE, nothing attributable to a case) had read and refused. */
interface Touched {
  allowed: Set<string>;
  denied: Set<string>;
  childIds: Set<string>;
}

const NO_CASE = "";

/**
 * Collects, during one request, which fields were read or written about which cases
 * and children (paths only, never values), and which were refused. At the end of the
 * request it appends them to the audit log: one entry for what was allowed, one for
 * what was denied. Fail closed: if the log cannot be written, the answer is not sent.
 *
 * Emergency reads: a case read on emergency access (break the glass) is recorded under
 * `EMERGENCY: <reason>` instead of the stated purpose (packages/access/src/purpose.ts). The
 * sector subgraphs learn it from the case grant (`emergency()`), the børnehus decides it
 * (`classifyWith()`, asked at the end for the cases touched). Because one request can read
 * a case on emergency access beside cases the principal takes part in, every field is
 * attributed to its case: by the row's `caseId` (or the case's `id`), else by the nearest
 * case above it in the response (a child reached through `BoernehusCase.child`). A request
 * with no emergency case is recorded exactly as before: one purpose, all its cases.
 */
export class AuditRecorder {
  private allowed = new Set<string>();
  private denied = new Set<string>();
  private caseIds = new Set<string>();
  private childIds = new Set<string>();
  private write = false;
  /** Per case (NO_CASE: the rest). */
  private byCase = new Map<string, Touched>();
  /** The response path of each case object, so the fields below it are attributed to it. */
  private caseAt = new Map<ResponsePath, string>();
  private emergencyPurposes = new Map<string, string>();
  private classifier: EmergencyPurposes | undefined;

  /** `coordinate` is `${typeName}.${fieldName}`: the field guard passes the one it made when the schema was built. */
  touch(typeName: string, fieldName: string, source: unknown, path?: ResponsePath, coordinate = `${typeName}.${fieldName}`): void {
    if (typeName === "Mutation") this.write = true;
    this.allowed.add(coordinate);
    this.record(typeName, source, path).allowed.add(coordinate);
  }

  deny(typeName: string, fieldName: string, source: unknown, path?: ResponsePath): void {
    const coordinate = `${typeName}.${fieldName}`;
    this.denied.add(coordinate);
    this.record(typeName, source, path).denied.add(coordinate);
  }

  /** This case was read on emergency access: its fields are recorded under `purpose`. */
  emergency(caseId: string, purpose: string): void {
    this.emergencyPurposes.set(caseId, purpose);
  }

  /** Asked at the end of the request for the touched cases not marked by `emergency()`. */
  classifyWith(classifier: EmergencyPurposes): void {
    this.classifier = classifier;
  }

  /**
   * The last object recorded, where it stood: graphql-js resolves an object's fields one after
   * another, so its second and later fields are attributed without looking again (a 500-case list
   * touches some 5,000 fields). Keyed by the object and its place, because one row (a child shared
   * by two cases) can stand under two cases.
   */
  private lastSource: object | undefined;
  private lastAt: ResponsePath | undefined;
  private lastTouched: Touched | undefined;

  /** Rows say which case/child they belong to by `caseId` / `childId`; the hub and the child by `id`. */
  private record(typeName: string, source: unknown, path: ResponsePath | undefined): Touched {
    if (this.lastTouched && source === this.lastSource && path?.prev === this.lastAt) return this.lastTouched;
    const touched = this.attribute(typeName, source, path);
    if (typeof source === "object" && source !== null) {
      this.lastSource = source;
      this.lastAt = path?.prev;
      this.lastTouched = touched;
    }
    return touched;
  }

  private attribute(typeName: string, source: unknown, path: ResponsePath | undefined): Touched {
    let caseId: string | undefined;
    let childId: string | undefined;
    if (typeof source === "object" && source !== null) {
      const row = source as Record<string, unknown>;
      if (typeName === "BoernehusCase" && typeof row.id === "string") caseId = row.id;
      else if (typeof row.caseId === "string") caseId = row.caseId;
      if (typeName === "Child" && typeof row.id === "string") childId = row.id;
      else if (typeof row.childId === "string") childId = row.childId;
    }
    if (caseId !== undefined) {
      this.caseIds.add(caseId);
      if (path?.prev && !this.caseAt.has(path.prev)) this.caseAt.set(path.prev, caseId);
    } else {
      for (let at = path?.prev; at && caseId === undefined; at = at.prev) caseId = this.caseAt.get(at);
    }
    if (childId !== undefined) this.childIds.add(childId);
    const key = caseId ?? NO_CASE;
    let touched = this.byCase.get(key);
    if (!touched) {
      touched = { allowed: new Set(), denied: new Set(), childIds: new Set() };
      this.byCase.set(key, touched);
    }
    if (childId !== undefined) touched.childIds.add(childId);
    return touched;
  }

  async flush(log: AuditLog, claims: InternalClaims, clock: TimeSource): Promise<void> {
    // The stated purpose never carries the emergency mark (the gateway refuses it; so do we).
    const stated = isEmergencyPurpose(claims.purpose) ? DEFAULT_PURPOSE : claims.purpose;
    const base = {
      at: clock.now(),
      requestId: claims.requestId,
      actorSub: claims.principal.sub,
      actorSector: claims.principal.sector,
      actorOrg: claims.principal.organisation,
      action: this.write ? ("WRITE" as const) : ("READ" as const),
    };
    const entries = await this.entriesByPurpose(stated);
    for (const { purpose, caseIds, childIds, allowed, denied } of entries) {
      const entry: Omit<AuditEntry, "decision" | "fieldPaths"> = { ...base, purpose, caseIds: [...caseIds], childIds: [...childIds] };
      if (allowed.size > 0) await log.append({ ...entry, decision: "ALLOWED", fieldPaths: [...allowed] });
      if (denied.size > 0) await log.append({ ...entry, decision: "DENIED", fieldPaths: [...denied] });
    }
  }

  /** One group per purpose: the stated one, and one per emergency reason (usually none). */
  private async entriesByPurpose(stated: string) {
    const whole = { purpose: stated, caseIds: this.caseIds, childIds: this.childIds, allowed: this.allowed, denied: this.denied };
    if (this.caseIds.size === 0) return [whole];
    if (this.classifier) {
      const unmarked = [...this.caseIds].filter((id) => !this.emergencyPurposes.has(id));
      if (unmarked.length > 0) for (const [id, purpose] of await this.classifier(unmarked)) this.emergencyPurposes.set(id, purpose);
    }
    if (this.emergencyPurposes.size === 0) return [whole];

    type Group = { purpose: string; caseIds: Set<string>; childIds: Set<string>; allowed: Set<string>; denied: Set<string> };
    const groups = new Map<string, Group>();
    const groupFor = (purpose: string) => {
      let group = groups.get(purpose);
      if (!group) {
        group = { purpose, caseIds: new Set(), childIds: new Set(), allowed: new Set(), denied: new Set() };
        groups.set(purpose, group);
      }
      return group;
    };
    const add = (group: Group, touched: Touched) => {
      for (const p of touched.allowed) group.allowed.add(p);
      for (const p of touched.denied) group.denied.add(p);
      for (const c of touched.childIds) group.childIds.add(c);
    };
    for (const [caseId, touched] of this.byCase) {
      if (caseId === NO_CASE) continue;
      const group = groupFor(this.emergencyPurposes.get(caseId) ?? stated);
      group.caseIds.add(caseId);
      add(group, touched);
    }
    // What belongs to no case (the root field, say) goes with the ordinary reads; when every
    // case was read on emergency access for one reason, the whole request was that emergency read.
    const rest = this.byCase.get(NO_CASE);
    if (rest) {
      const [only] = groups.values();
      add(only && groups.size === 1 && !groups.has(stated) ? only : groupFor(stated), rest);
    }
    return [...groups.values()];
  }
}

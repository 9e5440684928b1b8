import type { GrantKeys, Principal } from "@samraad/access";
import type { AuditLog } from "@samraad/audit";
import type { TimeSource } from "@samraad/clocks";
import type { AuditRecorder, EmergencyPurposes } from "./auditRecorder.ts";

/** What every resolver in every subgraph gets. Subgraphs extend it with their data layer. */
export interface BaseContext {
  principal: Principal;
  scopes: string[];
  requestId: string;
  /** Why the principal is asking (forwarded by the gateway), recorded in the audit log. */
  purpose: string;
  audit: AuditRecorder;
  /** This subgraph's audit log, for the data protection officer's access report. */
  auditLog: AuditLog;
  /** Verifies (and, in the børnehus subgraph, signs) case access grants. */
  grantKeys: GrantKeys;
  /** The one clock (DESIGN.md 6a): every rule that depends on "now" asks it, never the machine. */
  clock: TimeSource;
  /**
   * Where this subgraph itself decides the basis of access (the børnehus): which of the cases a
   * request touched it read on emergency access, for the audit log (AuditRecorder.classifyWith).
   */
  emergencyPurposes?: EmergencyPurposes;
}

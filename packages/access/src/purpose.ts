/**
 * The purpose every audit entry records: why the principal looked (DESIGN.md 3, rule 7).
 *
 * - The client states it in `x-samraad-purpose`; the gateway cleans it (statedPurpose) and
 *   signs it into the internal token. Without one: CASEWORK.
 * - An emergency read is marked by the subgraph that serves it, per case, never by the
 *   client: the børnehus decides the basis (EMERGENCY: broke the glass) and signs it into the
 *   case grant, with the reason given, so every sector records `EMERGENCY: <reason>` for the
 *   cases it served on that basis (packages/subgraph-kit/src/auditRecorder.ts). One request can
 *   read one case on emergency access and others as a participant, which is why the mark is
 *   per case and not on the request's token. A client that states a purpose beginning with
 *   the reserved prefix gets CASEWORK: nobody can make an ordinary read look like an emergency.
 */
export const DEFAULT_PURPOSE = "CASEWORK";
export const EMERGENCY_PURPOSE_PREFIX = "EMERGENCY:";
export const MAX_PURPOSE_LENGTH = 200;

/** Letters, digits and plain punctuation on one line, at most MAX_PURPOSE_LENGTH characters. */
function clean(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[^\p{L}\p{N} .,:;_\-/()]/gu, "")
    .trim()
    .slice(0, MAX_PURPOSE_LENGTH);
}

/** Case-insensitive, spaces before the colon too: "emergency :" is as reserved as "EMERGENCY:". */
export function isEmergencyPurpose(purpose: string): boolean {
  return /^\s*emergency\s*:/i.test(purpose);
}

/** What a client stated (the x-samraad-purpose header), as the audit log may record it. */
export function statedPurpose(header: string | null | undefined): string {
  const purpose = clean(header ?? "");
  if (!purpose || isEmergencyPurpose(purpose)) return DEFAULT_PURPOSE;
  return purpose;
}

/** The purpose recorded for a read on emergency access (break the glass), with the reason given. */
export function emergencyPurpose(reason: string | undefined): string {
  return `${EMERGENCY_PURPOSE_PREFIX} ${clean(reason ?? "")}`.trimEnd().slice(0, EMERGENCY_PURPOSE_PREFIX.length + 1 + MAX_PURPOSE_LENGTH);
}

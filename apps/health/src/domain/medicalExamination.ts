import { assertNotInFuture, assertUuid, badInput, conflict, invalidTransition } from "@samraad/subgraph-kit";
import type { MedicalExaminationRow } from "../data/rows.ts";
import { optionalText, requiredText } from "./text.ts";

/**
 * Rules for the medical examinations of the child (the initial health assessment,
 * forensic, somatic and paediatric examinations).
 * Life cycle: SCHEDULED → PERFORMED | CANCELLED; both end states are final, so a
 * performed examination's findings cannot be silently replaced.
 */

/** A child may come in a little before the booked time; more than this is a different appointment. */
const EARLY_TOLERANCE_MS = 24 * 60 * 60_000;

export function validateSchedule(input: { caseId: string; unit: string; physicianName?: string | null }): {
  caseId: string;
  unit: string;
  physicianName: string | null;
} {
  return {
    caseId: assertUuid(input.caseId, "caseId"),
    unit: requiredText(input.unit, "unit"),
    physicianName: optionalText(input.physicianName, "physicianName"),
  };
}

export function assertVersion(row: MedicalExaminationRow, version: number): void {
  if (row.version !== version) {
    throw conflict(
      `The medical examination was changed by someone else (version ${row.version}, you sent ${version}). Reload it and try again.`,
    );
  }
}

export function assertCanRecordPerformed(
  row: MedicalExaminationRow,
  input: { performedAt: Date; findingsSummary: string; clinicalDetails?: string | null; physicianName?: string | null },
  now: Date,
): { findingsSummary: string; clinicalDetails: string | null; physicianName: string | null } {
  if (row.status !== "SCHEDULED") {
    throw invalidTransition(`Only a SCHEDULED examination can be recorded as performed; this one is ${row.status}.`);
  }
  assertNotInFuture(input.performedAt, "performedAt", now);
  if (input.performedAt.getTime() < row.scheduledAt.getTime() - EARLY_TOLERANCE_MS) {
    throw badInput(
      `performedAt (${input.performedAt.toISOString()}) is more than a day before scheduledAt (${row.scheduledAt.toISOString()}): an examination is performed at its scheduled time.`,
      "performedAt",
    );
  }
  return {
    findingsSummary: requiredText(input.findingsSummary, "findingsSummary"),
    clinicalDetails: optionalText(input.clinicalDetails, "clinicalDetails"),
    // Keep the booked physician unless the record names who actually performed it.
    physicianName: optionalText(input.physicianName, "physicianName") ?? row.physicianName,
  };
}

export function assertCanCancel(row: MedicalExaminationRow, reason: string): string {
  if (row.status !== "SCHEDULED") throw invalidTransition(`Only a SCHEDULED examination can be cancelled; this one is ${row.status}.`);
  return requiredText(reason, "reason");
}

import { assertNotInFuture, assertUuid, badInput, conflict, invalidTransition, requireWriteGrant } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { examinationOrNotFound } from "../data/find.ts";
import { createExamination, markExaminationCancelled, markExaminationPerformed } from "../data/medicalExamination.ts";
import type { MedicalExaminationRow } from "../data/rows.ts";
import type {
  CancelMedicalExaminationInput,
  RecordMedicalExaminationPerformedInput,
  ScheduleMedicalExaminationInput,
} from "../generated/graphql.ts";
import { assertHealthOfRegion } from "./access.ts";
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

// The writes: each rule above, applied to the record as the data layer finds it with the principal's access.

export async function scheduleExamination(ctx: Context, input: ScheduleMedicalExaminationInput): Promise<MedicalExaminationRow> {
  // Only in the principal's own region: a region books its own hospitals.
  assertHealthOfRegion(ctx.principal, input.hospitalRegion);
  const valid = validateSchedule(input);
  // The case is the børnehus's: only its write grant says this principal may write to it.
  const grant = await requireWriteGrant(ctx, input.caseGrant, { caseId: valid.caseId });
  return createExamination(ctx.db, grant, {
    unit: valid.unit,
    physicianName: valid.physicianName,
    kind: input.kind,
    scheduledAt: input.scheduledAt,
    hospitalRegion: input.hospitalRegion,
  });
}

export function recordExaminationPerformed(ctx: Context, input: RecordMedicalExaminationPerformedInput): Promise<MedicalExaminationRow> {
  return inTransaction(ctx.db, async (tx) => {
    const exam = await examinationOrNotFound(tx, ctx, input.examinationId);
    assertVersion(exam, input.version);
    const record = assertCanRecordPerformed(exam, input, ctx.clock.now());
    return markExaminationPerformed(tx, exam, input.version, { ...record, performedAt: input.performedAt });
  });
}

export function cancelExamination(ctx: Context, input: CancelMedicalExaminationInput): Promise<MedicalExaminationRow> {
  return inTransaction(ctx.db, async (tx) => {
    const exam = await examinationOrNotFound(tx, ctx, input.examinationId);
    assertVersion(exam, input.version);
    return markExaminationCancelled(tx, exam, input.version, assertCanCancel(exam, input.reason));
  });
}

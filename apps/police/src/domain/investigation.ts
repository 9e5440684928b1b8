import { assertOrdered, assertUuid, badInput, invalidTransition, nonEmpty, requireWriteGrant } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { reportOrNotFound } from "../data/find.ts";
import { createReport, recordDecision } from "../data/policeReport.ts";
import type { PoliceReportRow } from "../data/rows.ts";
import type { FilePoliceReportInput, RecordInvestigationDecisionInput } from "../generated/graphql.ts";
import { assertPoliceOfDistrict } from "./access.ts";

/** Journal numbers look like 0100-12345-00123-26: district, section, serial, year. */
const JOURNAL_NUMBER = /^\d{4}-\d{5}-\d{5}-\d{2}$/;

export function validateJournalNumber(value: string): string {
  const trimmed = nonEmpty(value, "journalNumber", 32);
  if (!JOURNAL_NUMBER.test(trimmed)) throw badInput("journalNumber must look like 0100-12345-00123-26.", "journalNumber");
  return trimmed;
}

export function validateDistrict(value: string): string {
  const trimmed = nonEmpty(value, "district", 8).toUpperCase();
  if (!/^[A-Z]{2,6}$/.test(trimmed)) throw badInput("district must be a police district code such as KBH.", "district");
  return trimmed;
}

/** OPEN → CHARGED | DROPPED | CLOSED; CHARGED → CLOSED. A decision is final otherwise. */
const NEXT: Record<string, string[]> = { OPEN: ["CHARGED", "DROPPED", "CLOSED"], CHARGED: ["CLOSED"], DROPPED: [], CLOSED: [] };

export function assertDecision(report: PoliceReportRow, status: string, decidedAt: Date): void {
  if (!NEXT[report.investigationStatus]?.includes(status)) {
    throw invalidTransition(`The investigation is ${report.investigationStatus}; it cannot become ${status}.`);
  }
  assertOrdered({ name: "reportedAt", value: report.reportedAt }, { name: "decidedAt", value: decidedAt });
}

// The writes: each rule above, applied to the report as the data layer finds it with the principal's access.

export async function fileReport(ctx: Context, input: FilePoliceReportInput): Promise<PoliceReportRow> {
  const caseId = assertUuid(input.caseId, "caseId");
  const journalNumber = validateJournalNumber(input.journalNumber);
  const district = validateDistrict(input.district);
  // A district files its own reports only.
  assertPoliceOfDistrict(ctx.principal, district);
  // The case is the børnehus's: only its write grant says this principal may write to it.
  const grant = await requireWriteGrant(ctx, input.caseGrant, { caseId });
  return createReport(ctx.db, grant, { journalNumber, district, reportedAt: input.reportedAt });
}

export function decideInvestigation(ctx: Context, input: RecordInvestigationDecisionInput): Promise<PoliceReportRow> {
  return inTransaction(ctx.db, async (tx) => {
    const report = await reportOrNotFound(tx, ctx, input.policeReportId);
    assertDecision(report, input.status, input.decidedAt);
    return recordDecision(tx, report, { investigationStatus: input.status, decidedAt: input.decidedAt });
  });
}

import { assertOrdered, badInput, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { PoliceReportRow } from "../data/rows.ts";

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

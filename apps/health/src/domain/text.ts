import { nonEmpty } from "@samraad/subgraph-kit";

/** Longest texts we accept, per field: generous for people, bounded for the database. */
export const TEXT_LIMITS = {
  unit: 200,
  physicianName: 200,
  findingsSummary: 4_000,
  clinicalDetails: 20_000,
  reason: 2_000,
} as const;

/** An optional free text: left out or blank means none; otherwise trimmed and bounded. */
export function optionalText(value: string | null | undefined, field: keyof typeof TEXT_LIMITS): string | null {
  if (value == null || value.trim() === "") return null;
  return nonEmpty(value, field, TEXT_LIMITS[field]);
}

export function requiredText(value: string, field: keyof typeof TEXT_LIMITS): string {
  return nonEmpty(value, field, TEXT_LIMITS[field]);
}

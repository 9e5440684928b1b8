import { assertNotInFuture, assertOrdered, conflict, invalidTransition } from "@samraad/subgraph-kit";
import type { MeasureRow } from "../data/rows.ts";

// The intervention ladder (indsatstrappe): measures ranked by how deeply they intervene in the
// child's life; start as low as the child's needs allow. One definition, shared with the web app and the
// generator; schema.graphql's enum MeasureKind follows it (test/vocabulary.test.ts).
export { INTERVENTION_LADDER, ladderStep, legalBasis, type MeasureKind } from "@samraad/access";

export function validateNewMeasure(input: { decidedAt: Date; startedAt?: Date | null }, now: Date): void {
  assertNotInFuture(input.decidedAt, "decidedAt", now);
  assertOrdered({ name: "decidedAt", value: input.decidedAt }, { name: "startedAt", value: input.startedAt });
}

export function assertVersion(row: MeasureRow, version: number): void {
  if (row.version !== version) {
    throw conflict(`The measure was changed by someone else (version ${row.version}, you sent ${version}). Reload it and try again.`);
  }
}

/** decided → started → ended; each step once. */
export function assertCanStart(row: MeasureRow, startedAt: Date): void {
  if (row.startedAt) throw invalidTransition(`The measure already started at ${row.startedAt.toISOString()}.`);
  assertOrdered({ name: "decidedAt", value: row.decidedAt }, { name: "startedAt", value: startedAt });
}

export function assertCanEnd(row: MeasureRow, endedAt: Date, now: Date): void {
  if (!row.startedAt) throw invalidTransition("The measure has not started; record its start before its end.");
  if (row.endedAt) throw invalidTransition(`The measure already ended at ${row.endedAt.toISOString()}.`);
  assertOrdered({ name: "startedAt", value: row.startedAt }, { name: "endedAt", value: endedAt });
  assertNotInFuture(endedAt, "endedAt", now);
}

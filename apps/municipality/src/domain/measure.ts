import { assertNotInFuture, assertOrdered, conflict, invalidTransition } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { measureOrNotFound, referralOrNotFound } from "../data/find.ts";
import { createMeasure, stepMeasure } from "../data/measure.ts";
import type { MeasureRow } from "../data/rows.ts";
import type { DecideMeasureInput, EndMeasureInput, StartMeasureInput } from "../generated/graphql.ts";

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

// The writes: each rule above, applied to the record as the data layer finds it with the principal's access.

export function decideMeasure(ctx: Context, input: DecideMeasureInput): Promise<MeasureRow> {
  return inTransaction(ctx.db, async (tx) => {
    const referral = await referralOrNotFound(tx, ctx, input.caseId);
    validateNewMeasure(input, ctx.clock.now());
    return createMeasure(tx, referral, { kind: input.kind, decidedAt: input.decidedAt, startedAt: input.startedAt ?? null });
  });
}

export function startMeasure(ctx: Context, input: StartMeasureInput): Promise<MeasureRow> {
  return takeStep(ctx, input, (measure) => assertCanStart(measure, input.startedAt), { startedAt: input.startedAt });
}

export function endMeasure(ctx: Context, input: EndMeasureInput): Promise<MeasureRow> {
  return takeStep(ctx, input, (measure) => assertCanEnd(measure, input.endedAt, ctx.clock.now()), { endedAt: input.endedAt });
}

/** A step of the measure the caller saw at `version`: the version first, then the step's own rule. */
function takeStep(
  ctx: Context,
  input: { measureId: string; version: number },
  assertCan: (measure: MeasureRow) => void,
  step: { startedAt: Date } | { endedAt: Date },
): Promise<MeasureRow> {
  return inTransaction(ctx.db, async (tx) => {
    const measure = await measureOrNotFound(tx, ctx, input.measureId);
    assertVersion(measure, input.version);
    assertCan(measure);
    return stepMeasure(tx, measure, input.version, step);
  });
}

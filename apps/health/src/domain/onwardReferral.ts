import { assertNotInFuture, assertOrdered, invalidTransition } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { examinationOrNotFound } from "../data/find.ts";
import { createReferral } from "../data/onwardReferral.ts";
import type { MedicalExaminationRow, OnwardReferralRow } from "../data/rows.ts";
import type { ReferOnwardInput } from "../generated/graphql.ts";
import { requiredText } from "./text.ts";

/**
 * An onward referral (e.g. to child psychiatry) follows from what an examination
 * found, so it can only be made from a PERFORMED examination, and not before it.
 */
export function assertCanReferOnward(
  exam: MedicalExaminationRow,
  input: { referredAt: Date; reason: string },
  now: Date,
): { reason: string } {
  if (exam.status !== "PERFORMED") {
    throw invalidTransition(`Only a PERFORMED examination can lead to an onward referral; this one is ${exam.status}.`);
  }
  assertOrdered({ name: "performedAt", value: exam.performedAt }, { name: "referredAt", value: input.referredAt });
  assertNotInFuture(input.referredAt, "referredAt", now);
  return { reason: requiredText(input.reason, "reason") };
}

export function referOnward(ctx: Context, input: ReferOnwardInput): Promise<OnwardReferralRow> {
  return inTransaction(ctx.db, async (tx) => {
    const exam = await examinationOrNotFound(tx, ctx, input.examinationId);
    const { reason } = assertCanReferOnward(exam, input, ctx.clock.now());
    return createReferral(tx, exam, { target: input.target, referredAt: input.referredAt, reason });
  });
}

import { assertNotInFuture, assertOrdered, invalidTransition } from "@samraad/subgraph-kit";
import type { MedicalExaminationRow } from "../data/rows.ts";
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

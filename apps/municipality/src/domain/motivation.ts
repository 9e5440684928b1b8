import { invalidTransition, type MotivationInput, requireWriteGrant, validateMotivation } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { referralOrNotFound } from "../data/find.ts";
import { motivationCaseState, saveMotivation } from "../data/motivation.ts";
import type { MotivationRecordRow } from "../data/rows.ts";
import type { MunicipalityMotivationInput } from "../generated/graphql.ts";

/** What the case holds that the municipality's set points depend on. */
export interface MotivationCaseState {
  /** Answers the municipality has given to the final note's recommendations. */
  responses: number;
  existing: MotivationRecordRow | null;
}

/**
 * The municipality records motivation at its two set points (issue 23): with its answer to
 * the recommendations, and at the follow-up six months after the note. Both come after the
 * first answer: before it there is no answer to record the motivation with, and the follow-up
 * looks back on what became of it.
 */
export function validateMunicipalityMotivation(state: MotivationCaseState, input: MotivationInput) {
  const record = validateMotivation("MUNICIPALITY", state.existing, input);
  if (state.responses === 0) {
    throw invalidTransition(
      "Answer the final note's recommendations first: the motivation is recorded with the answer and at the follow-up.",
    );
  }
  return record;
}

export function recordMunicipalityMotivation(
  ctx: Context,
  input: MunicipalityMotivationInput,
  caseGrant: string | null | undefined,
): Promise<MotivationRecordRow> {
  return inTransaction(ctx.db, async (tx) => {
    // The municipality responsible for the child, and of it only the case's participants (or an
    // organisation-wide role): the børnehus's write grant for this principal and case says so.
    const referral = await referralOrNotFound(tx, ctx, input.caseId);
    await requireWriteGrant(ctx, caseGrant, { caseId: referral.caseId });
    const record = validateMunicipalityMotivation(await motivationCaseState(tx, referral, input.setPoint), input);
    return saveMotivation(tx, referral, record, ctx.principal, ctx.clock.now());
  });
}

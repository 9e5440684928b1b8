import { invalidTransition, type MotivationInput, validateMotivation } from "@samraad/subgraph-kit";
import type { MotivationRecordRow } from "../data/rows.ts";

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

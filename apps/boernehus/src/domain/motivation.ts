import { invalidTransition, type MotivationInput, validateMotivation } from "@samraad/subgraph-kit";
import type { CaseRow, MotivationRecordRow } from "../data/rows.ts";
import { assertCourseOpen } from "./course.ts";

/** What the case holds that the børnehus's set points depend on. */
export interface MotivationCaseState {
  /** A planning samråd of the case that is not cancelled. */
  hasPlanningSamraad: boolean;
  /** The case's final note, in any status. */
  hasFinalNote: boolean;
  existing: MotivationRecordRow | null;
}

/**
 * The børnehus records motivation at its two set points (issue 23): at the planning samråd,
 * once the case has one planned or held; at the final note, once the note is drafted. The
 * course must be open: after the close the municipality carries the follow-up.
 */
export function validateBoernehusMotivation(course: CaseRow, state: MotivationCaseState, input: MotivationInput) {
  assertCourseOpen(course);
  const record = validateMotivation("BOERNEHUS", state.existing, input);
  if (input.setPoint === "PLANNING_SAMRAAD" && !state.hasPlanningSamraad) {
    throw invalidTransition("Plan the case's planning samråd first: the motivation is recorded at it.");
  }
  if (input.setPoint === "FINAL_NOTE" && !state.hasFinalNote) {
    throw invalidTransition("Draft the final note first: the motivation is recorded with it.");
  }
  return record;
}

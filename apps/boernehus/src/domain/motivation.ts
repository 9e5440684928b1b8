import { invalidTransition, type MotivationInput, validateMotivation } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { lockCase } from "../data/find.ts";
import { motivationCaseState, saveMotivation } from "../data/motivation.ts";
import type { CaseRow, MotivationRecordRow } from "../data/rows.ts";
import type { BoernehusMotivationInput } from "../generated/graphql.ts";
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

/** Row rules as for every børnehus write: the børnehus that runs the course, or its staff in the samråd. */
export async function recordBoernehusMotivation(ctx: Context, input: BoernehusMotivationInput): Promise<MotivationRecordRow> {
  return inTransaction(ctx.db, async (tx) => {
    const course = await lockCase(tx, input.caseId, ctx.access);
    const state = await motivationCaseState(tx, course, input.setPoint);
    const record = validateBoernehusMotivation(course, state, input);
    return saveMotivation(tx, course, record, ctx.principal, ctx.clock.now());
  });
}

import {
  MOTIVATION_BARRIERS,
  MOTIVATION_SET_POINT_OWNER,
  type MotivationBarrier,
  type MotivationLevel,
  type MotivationSetPoint,
} from "@samraad/access/vocabulary";
import { badInput, conflict } from "./errors.ts";

/** What a motivation write sends (the rendered {Prefix}MotivationInput of packages/subgraph-kit/schema/motivation.graphql). */
export interface MotivationInput {
  setPoint: MotivationSetPoint;
  childMotivation: MotivationLevel;
  familyMotivation: MotivationLevel;
  barriers: readonly MotivationBarrier[];
  otherBarrier?: string | null;
  version?: number | null;
}

/** The stored record's state a write checks against: one record per case and set point. */
export interface MotivationExisting {
  version: number;
}

const OTHER_BARRIER_MAX = 200;

/**
 * The rules every motivation record follows, whichever sector owns its set point (issue 23):
 * the set point must be the writer's own (the børnehus the planning samråd and the final note,
 * the municipality its answer and the follow-up); barriers are listed once each, in the
 * vocabulary's order; OTHER needs a short text, and a text needs OTHER. A set point has one
 * record per case: the first write creates it and sends no version, a later write replaces it
 * and sends the version it read (a stale or missing version is a CONFLICT, like every update).
 * Returns the fields to store and the version they get.
 */
export function validateMotivation(sector: "BOERNEHUS" | "MUNICIPALITY", existing: MotivationExisting | null, input: MotivationInput) {
  if (MOTIVATION_SET_POINT_OWNER[input.setPoint] !== sector) {
    const owner = MOTIVATION_SET_POINT_OWNER[input.setPoint] === "BOERNEHUS" ? "the børnehus" : "the municipality";
    throw badInput(`The motivation at ${input.setPoint} is recorded by ${owner}.`, "setPoint");
  }
  if (new Set(input.barriers).size !== input.barriers.length) throw badInput("Name each barrier once.", "barriers");
  const barriers = MOTIVATION_BARRIERS.filter((b) => input.barriers.includes(b));
  const text = input.otherBarrier?.trim() ? input.otherBarrier.trim() : null;
  if (barriers.includes("OTHER") && !text) throw badInput("The barrier OTHER needs a few words in otherBarrier.", "otherBarrier");
  if (!barriers.includes("OTHER") && text) throw badInput("otherBarrier belongs only to the barrier OTHER.", "otherBarrier");
  if (text && text.length > OTHER_BARRIER_MAX) throw badInput(`otherBarrier is at most ${OTHER_BARRIER_MAX} characters.`, "otherBarrier");
  if (existing && input.version == null) {
    throw conflict("The motivation at this set point was already recorded. Reload the case, and record it again to replace it.");
  }
  if (existing && input.version !== existing.version) {
    throw conflict(
      `The motivation was changed by someone else (version ${existing.version}, you sent ${input.version}). Reload it and try again.`,
    );
  }
  if (!existing && input.version != null) throw conflict("The motivation at this set point is not recorded yet: leave version out.");
  return {
    fields: {
      setPoint: input.setPoint,
      childMotivation: input.childMotivation,
      familyMotivation: input.familyMotivation,
      barriers,
      otherBarrier: text,
    },
    version: existing ? existing.version + 1 : 1,
  };
}

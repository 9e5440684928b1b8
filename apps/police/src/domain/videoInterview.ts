import { assertNotInFuture, assertOrdered, badInput, conflict, DomainError, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { VideoInterviewRow } from "../data/rows.ts";
import type { ObjectionOverrideBasis } from "../generated/graphql.ts";

/**
 * Rules for the police video interview (videoafhøring) of the child.
 * The interview should be held within a week of the police report (indicator in
 * docs/indicators.md); a custody holder's objection blocks it unless it does not bind.
 */
export const MIN_OVERRIDE_REASON = 20;

export type ObjectionOverride = { legalBasis: ObjectionOverrideBasis; reason: string };

/**
 * `objection` is the municipality's signed word (the custody statement), never the client's.
 * With an objection the interview is booked only when it is overridden with its legal basis and
 * a reason; the override is returned to be recorded. Without one, an override is not recorded.
 */
export function assertBookable(input: {
  reportedAt: Date;
  scheduledAt: Date;
  objection: boolean;
  override: { legalBasis: ObjectionOverrideBasis; reason: string } | null | undefined;
}): ObjectionOverride | null {
  let override: ObjectionOverride | null = null;
  if (input.objection) {
    if (!input.override) {
      throw new DomainError(
        "CUSTODY_OBJECTION",
        "A custody holder objects to the video interview. It can only be booked if the objection is overridden: give its legal basis and a reason (objectionOverride).",
        { field: "objectionOverride" },
      );
    }
    const reason = nonEmpty(input.override.reason, "objectionOverride.reason", 2000);
    if (reason.length < MIN_OVERRIDE_REASON) {
      throw badInput(
        `Give a reason of at least ${MIN_OVERRIDE_REASON} characters for overriding the objection.`,
        "objectionOverride.reason",
      );
    }
    override = { legalBasis: input.override.legalBasis, reason };
  }
  assertOrdered({ name: "reportedAt", value: input.reportedAt }, { name: "scheduledAt", value: input.scheduledAt });
  return override;
}

export function assertVersion(row: VideoInterviewRow, version: number): void {
  if (row.version !== version) {
    throw conflict(
      `The video interview was changed by someone else (version ${row.version}, you sent ${version}). Reload it and try again.`,
    );
  }
}

export function assertCanRecordHeld(row: VideoInterviewRow, heldAt: Date, observers: string[], now: Date): void {
  if (row.status !== "BOOKED") throw invalidTransition(`Only a BOOKED interview can be recorded as held; this one is ${row.status}.`);
  assertNotInFuture(heldAt, "heldAt", now);
  if (new Set(observers).size !== observers.length) throw badInput("observers lists a sector twice.", "observers");
}

export function assertCanCancel(row: VideoInterviewRow, reason: string): string {
  if (row.status !== "BOOKED") throw invalidTransition(`Only a BOOKED interview can be cancelled; this one is ${row.status}.`);
  return nonEmpty(reason, "reason", 2000);
}

import { assertNotInFuture, assertOrdered, badInput, conflict, DomainError, invalidTransition, nonEmpty } from "@samraad/subgraph-kit";
import type { VideoInterviewRow } from "../data/rows.ts";

/**
 * Rules for the police video interview (videoafhøring) of the child.
 * The interview should be held within a week of the police report (indicator in
 * docs/indicators.md); a custody holder's objection blocks it unless it does not bind.
 */
export function assertBookable(input: {
  reportedAt: Date;
  scheduledAt: Date;
  custodyConsent: "GIVEN" | "OBJECTED" | "NOT_REQUIRED";
  objectionOverridden: boolean;
}): void {
  if (input.custodyConsent === "OBJECTED" && !input.objectionOverridden) {
    throw new DomainError(
      "CUSTODY_OBJECTION",
      "A custody holder objects to the video interview. It cannot be booked unless the objection does not bind (e.g. the objecting custody holder is the suspect); then set objectionOverridden.",
    );
  }
  assertOrdered({ name: "reportedAt", value: input.reportedAt }, { name: "scheduledAt", value: input.scheduledAt });
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

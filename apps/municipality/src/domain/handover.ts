import type { ReferralRow } from "../data/rows.ts";
import type { ReferralHandoverStatus } from "../generated/graphql.ts";

/**
 * The referral's hand-off to the børnehus (docs/access-model.md, "The referral hand-off"):
 * RECEIVED (in the børnehus's queue) → ACKNOWLEDGED → COURSE_REGISTERED. The municipality
 * records each step; the last only on the børnehus's signed receipt.
 */
export function handoverStatus(referral: Pick<ReferralRow, "acknowledgedAt" | "courseRegisteredAt">): ReferralHandoverStatus {
  if (referral.courseRegisteredAt) return "COURSE_REGISTERED";
  if (referral.acknowledgedAt) return "ACKNOWLEDGED";
  return "RECEIVED";
}

/** `first` for the børnehus's queue: 1-200. */
export const MAX_QUEUE = 200;

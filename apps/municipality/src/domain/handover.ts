import { BOERNEHUS_STATEMENT_ISSUER, verifyStatement } from "@samraad/access";
import { DomainError, forbidden } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { inTransaction } from "../data/client.ts";
import { receivedReferralOrNotFound } from "../data/find.ts";
import { recordHandover, referralQueue } from "../data/referral.ts";
import type { ReferralRow } from "../data/rows.ts";
import type { RecordCourseRegisteredInput, ReferralHandoverStatus } from "../generated/graphql.ts";
import { mayReceiveReferrals } from "./access.ts";
import { pageSize } from "./referral.ts";

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

/** The børnehus's queue: only referrals addressed to the principal's own børnehus, for those who receive them. */
export async function incomingReferrals(ctx: Context, first: number | null | undefined): Promise<ReferralRow[]> {
  const take = pageSize(first, MAX_QUEUE);
  if (!mayReceiveReferrals(ctx.principal)) {
    ctx.audit.deny("Query", "incomingReferrals", {});
    throw forbidden("Only the coordinators and the leader of a børnehus receive referrals, for their own børnehus.");
  }
  return referralQueue(ctx.db, ctx.principal.organisation as ReferralRow["boernehusRegion"], take);
}

/** The børnehus says it has the referral. Acknowledging twice changes nothing: the first acknowledgement stands. */
export function acknowledgeReferral(ctx: Context, referralId: string): Promise<ReferralRow> {
  return inTransaction(ctx.db, async (tx) => {
    const referral = await receivedReferralOrNotFound(tx, ctx, referralId);
    if (referral.acknowledgedAt) return referral;
    ctx.audit.touch("Referral", "acknowledgedAt", referral);
    return recordHandover(tx, referral, { acknowledgedAt: ctx.clock.now(), acknowledgedByName: ctx.principal.name });
  });
}

/** The course exists: only on the børnehus's signed receipt for this principal and this referral. */
export function recordCourseRegistered(ctx: Context, input: RecordCourseRegisteredInput): Promise<ReferralRow> {
  return inTransaction(ctx.db, async (tx) => {
    const referral = await receivedReferralOrNotFound(tx, ctx, input.referralId);
    const receipt = await verifyStatement("course-registered", input.receipt, {
      sub: ctx.principal.sub,
      issuer: BOERNEHUS_STATEMENT_ISSUER,
      publicKey: ctx.grantKeys.publicKey,
      record: referral.id,
    });
    if (!receipt || receipt.caseId !== referral.caseId) {
      ctx.audit.deny("Referral", "courseRegisteredAt", referral);
      throw new DomainError(
        "STATEMENT_INVALID",
        "The børnehus's receipt for this referral is missing, expired or for another referral: register the course again to get a new one.",
        { field: "receipt" },
      );
    }
    ctx.audit.touch("Referral", "courseRegisteredAt", referral);
    const now = ctx.clock.now();
    return recordHandover(tx, referral, {
      courseRegisteredAt: now,
      acknowledgedAt: referral.acknowledgedAt ?? now,
      acknowledgedByName: referral.acknowledgedByName ?? ctx.principal.name,
    });
  });
}

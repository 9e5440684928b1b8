import type { Context } from "../context.ts";
import type { ChildRow, MeasureRow, ReferralRow } from "../data/rows.ts";
import { actsFor, receivesReferral } from "../domain/access.ts";

/**
 * The municipality's own entry points (root fields, references to Child, Referral and
 * Measure) show a row only to the municipality responsible for it. Any other row is
 * answered exactly like a missing one: null here, NOT_FOUND at the root.
 */
export function visibleChild(child: ChildRow | null, ctx: Context): ChildRow | null {
  return child && actsFor(ctx.principal, child.municipalityCode) ? child : null;
}

/** A referral: the referring municipality's, and, until its course is registered, the receiving børnehus's. */
export function visibleReferral(referral: ReferralRow | null, ctx: Context): ReferralRow | null {
  return referral && (actsFor(ctx.principal, referral.municipalityCode) || receivesReferral(ctx.principal, referral)) ? referral : null;
}

export async function visibleMeasure(measure: MeasureRow | null, ctx: Context): Promise<MeasureRow | null> {
  if (!measure) return null;
  const referral = await ctx.loaders.referralByCaseId.load(measure.caseId);
  return referral && actsFor(ctx.principal, referral.municipalityCode) ? measure : null;
}

import type { Context } from "../context.ts";
import type { ChildRow, MeasureRow, ReferralRow } from "../data/rows.ts";
import { actsFor } from "../domain/access.ts";

/**
 * The municipality's own entry points (root fields, references to Child, Referral and
 * Measure) show a row only to the municipality responsible for it. Any other row is
 * answered exactly like a missing one: null here, NOT_FOUND at the root.
 */
export function visibleChild(child: ChildRow | null, ctx: Context): ChildRow | null {
  return child && actsFor(ctx.principal, child.municipalityCode) ? child : null;
}

export function visibleReferral(referral: ReferralRow | null, ctx: Context): ReferralRow | null {
  return referral && actsFor(ctx.principal, referral.municipalityCode) ? referral : null;
}

export async function visibleMeasure(measure: MeasureRow | null, ctx: Context): Promise<MeasureRow | null> {
  if (!measure) return null;
  return visibleReferral(await ctx.loaders.referralByCaseId.load(measure.caseId), ctx) ? measure : null;
}

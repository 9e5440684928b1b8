import { danishDate } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { listRestrictedCandidates, type RestrictedCaseRow } from "../data/restrictedCases.ts";
import { restrictedListingScope, restrictedReason } from "./caseAccess.ts";
import { pageSize } from "./course.ts";

/** The restricted cases a leader is told of (restrictedListingScope), newest referral first, with why she may not open each. */
export async function restrictedCases(ctx: Context, first: number | null | undefined): Promise<RestrictedCaseRow[]> {
  const scope = restrictedListingScope(ctx.principal);
  if (!scope) return [];
  const { access } = ctx;
  const candidates = await listRestrictedCandidates(ctx.db, scope, ctx.principal.sub, access.listWhere(), pageSize(first));
  const rows: RestrictedCaseRow[] = [];
  for (const course of candidates) {
    // The statement left out every case the principal may open (access.listWhere); the rule
    // decides again, and says why. No unexpired emergency access survives that filter.
    const reason = restrictedReason(ctx.principal, course, {
      participant: course._count.participants > 0,
      emergencyUntil: null,
      graceDays: access.graceDays,
      now: access.now,
    });
    if (reason) rows.push({ caseId: course.id, region: course.region, referralReceivedOn: danishDate(course.referralReceivedAt), reason });
  }
  return rows;
}

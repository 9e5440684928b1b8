import { danishDate } from "@samraad/subgraph-kit";
import { listRestrictedCandidates, type RestrictedCaseRow } from "../data/restrictedCases.ts";
import { restrictedListingScope, restrictedReason } from "../domain/caseAccess.ts";
import { pageSize } from "../domain/course.ts";
import type { QueryResolvers, RestrictedCaseResolvers } from "../generated/graphql.ts";

// Every field read is audited by the field guard with the row as its source: the row's
// `caseId` puts the case in the audit entry (the child's access report shows the look-up).
export const RestrictedCase: Pick<RestrictedCaseResolvers, "id"> = {
  id: (row) => row.caseId,
};

export const restrictedCaseQueries: Pick<QueryResolvers, "myRestrictedCases"> = {
  myRestrictedCases: async (_root, { first }, ctx) => {
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
      if (reason) {
        rows.push({ caseId: course.id, region: course.region, referralReceivedOn: danishDate(course.referralReceivedAt), reason });
      }
    }
    return rows;
  },
};

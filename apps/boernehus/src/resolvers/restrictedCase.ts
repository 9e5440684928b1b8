import { restrictedCases } from "../domain/restrictedCase.ts";
import type { QueryResolvers, RestrictedCaseResolvers } from "../generated/graphql.ts";

// Every field read is audited by the field guard with the row as its source: the row's
// `caseId` puts the case in the audit entry (the child's access report shows the look-up).
export const RestrictedCase: Pick<RestrictedCaseResolvers, "id"> = {
  id: (row) => row.caseId,
};

export const restrictedCaseQueries: Pick<QueryResolvers, "myRestrictedCases"> = {
  myRestrictedCases: (_root, { first }, ctx) => restrictedCases(ctx, first),
};

import { courseStatuses, followUpFacts } from "../domain/followUpFacts.ts";
import type { QueryResolvers } from "../generated/graphql.ts";

export const followUpFactQueries: Pick<QueryResolvers, "boernehusFollowUpFacts" | "boernehusCourseStatuses"> = {
  boernehusCourseStatuses: (_root, { caseIds }, ctx) => courseStatuses(ctx, caseIds),
  boernehusFollowUpFacts: (_root, { sentFrom, sentTo }, ctx) => followUpFacts(ctx, sentFrom, sentTo),
};

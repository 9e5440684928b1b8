import { badInput, forbidden, isUuid } from "@samraad/subgraph-kit";
import { courseStatusesOf } from "../data/cases.ts";
import type { QueryResolvers } from "../generated/graphql.ts";

const MAX_WINDOW_MS = 400 * 86_400_000;
const MAX_STATUS_IDS = 1000;

// The scope (alerts:follow-up-facts, a municipality's alert worker only) lets the caller ask;
// the row rule here keeps it to its own municipality's cases, and to ids and one date.
export const followUpFactQueries: Pick<QueryResolvers, "boernehusFollowUpFacts" | "boernehusCourseStatuses"> = {
  // The same row rule: the caller's own municipality's courses, an id and one date each.
  boernehusCourseStatuses: async (_root, { caseIds }, ctx) => {
    if (ctx.principal.sector !== "MUNICIPALITY") throw forbidden("Only a municipality's alert worker reads course statuses.");
    if (caseIds.length > MAX_STATUS_IDS) throw badInput(`At most ${MAX_STATUS_IDS} case ids at a time.`, "caseIds");
    return courseStatusesOf(ctx.db, caseIds.filter(isUuid), ctx.principal.organisation);
  },
  boernehusFollowUpFacts: async (_root, { sentFrom, sentTo }, ctx) => {
    if (ctx.principal.sector !== "MUNICIPALITY") throw forbidden("Only a municipality's alert worker reads follow-up facts.");
    const from = new Date(sentFrom);
    const to = new Date(sentTo);
    if (!(from.getTime() < to.getTime()) || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
      throw badInput("sentFrom must be before sentTo, at most 400 days apart.", "sentFrom");
    }
    const notes = await ctx.db.finalNote.findMany({
      where: {
        sentAt: { gte: from, lt: to },
        case: { municipalityCode: ctx.principal.organisation },
        recommendations: { some: {} },
      },
      select: { caseId: true, sentAt: true, recommendations: { select: { id: true }, orderBy: { position: "asc" } } },
      orderBy: { sentAt: "asc" },
    });
    return notes.map((n) => ({
      caseId: n.caseId,
      finalNoteSentAt: n.sentAt as Date,
      recommendationIds: n.recommendations.map((r) => r.id),
    }));
  },
};

import { notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import type { VideoInterviewRow } from "../data/rows.ts";
import { visibleReport } from "../domain/access.ts";
import { bookInterview, cancelInterview, recordInterviewHeld } from "../domain/videoInterview.ts";
import type { MutationResolvers, QueryResolvers, VideoInterviewResolvers } from "../generated/graphql.ts";

export const VideoInterview: VideoInterviewResolvers = {
  __resolveReference: async (ref, ctx) => visibleInterview(await ctx.loaders.interviewById.load(ref.id), ctx),
};

export const videoInterviewQueries: Pick<QueryResolvers, "videoInterview"> = {
  videoInterview: async (_root, { id }, ctx) =>
    (await visibleInterview(await ctx.loaders.interviewById.load(id), ctx)) ?? Promise.reject(notFound("The video interview")),
};

export const videoInterviewMutations: Pick<MutationResolvers, "bookVideoInterview" | "recordVideoInterviewHeld" | "cancelVideoInterview"> =
  {
    bookVideoInterview: (_root, { input }, ctx) => bookInterview(ctx, input),
    recordVideoInterviewHeld: (_root, { input }, ctx) => recordInterviewHeld(ctx, input),
    cancelVideoInterview: (_root, { input }, ctx) => cancelInterview(ctx, input),
  };

/** An interview is visible exactly when its report is (the district that owns the report). */
async function visibleInterview(interview: VideoInterviewRow | null, ctx: Context): Promise<VideoInterviewRow | null> {
  if (!interview) return null;
  return visibleReport(await ctx.loaders.reportById.load(interview.policeReportId), ctx.principal) ? interview : null;
}

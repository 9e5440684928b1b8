import { notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { interviewOrNotFound, reportOrNotFound } from "../data/find.ts";
import type { VideoInterviewRow } from "../data/rows.ts";
import { assertBookable, assertCanCancel, assertCanRecordHeld, assertVersion } from "../domain/videoInterview.ts";
import type { MutationResolvers, QueryResolvers, VideoInterviewResolvers } from "../generated/graphql.ts";
import { visibleReport } from "./policeReport.ts";

export const VideoInterview: VideoInterviewResolvers = {
  __resolveReference: async (ref, ctx) => visibleInterview(await ctx.loaders.interviewById.load(ref.id), ctx),
};

export const videoInterviewQueries: Pick<QueryResolvers, "videoInterview"> = {
  videoInterview: async (_root, { id }, ctx) =>
    (await visibleInterview(await ctx.loaders.interviewById.load(id), ctx)) ?? Promise.reject(notFound("The video interview")),
};

export const videoInterviewMutations: Pick<MutationResolvers, "bookVideoInterview" | "recordVideoInterviewHeld" | "cancelVideoInterview"> =
  {
    bookVideoInterview: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const report = await reportOrNotFound(tx, ctx, input.policeReportId);
        assertBookable({
          reportedAt: report.reportedAt,
          scheduledAt: input.scheduledAt,
          custodyConsent: input.custodyConsent,
          objectionOverridden: input.objectionOverridden ?? false,
        });
        return tx.videoInterview.create({
          data: { policeReportId: report.id, scheduledAt: input.scheduledAt, interviewerName: input.interviewerName ?? null },
        });
      }),
    recordVideoInterviewHeld: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const interview = await interviewOrNotFound(tx, ctx, input.interviewId);
        assertVersion(interview, input.version);
        assertCanRecordHeld(interview, input.heldAt, input.observers, ctx.clock.now());
        return tx.videoInterview.update({
          where: { id: interview.id, version: input.version },
          data: { status: "HELD", heldAt: input.heldAt, observers: input.observers, version: { increment: 1 } },
        });
      }),
    cancelVideoInterview: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const interview = await interviewOrNotFound(tx, ctx, input.interviewId);
        assertVersion(interview, input.version);
        const reason = assertCanCancel(interview, input.reason);
        return tx.videoInterview.update({
          where: { id: interview.id, version: input.version },
          data: { status: "CANCELLED", cancellationReason: reason, version: { increment: 1 } },
        });
      }),
  };

async function visibleInterview(interview: VideoInterviewRow | null, ctx: Context): Promise<VideoInterviewRow | null> {
  if (!interview) return null;
  return visibleReport(await ctx.loaders.reportById.load(interview.policeReportId), ctx) ? interview : null;
}

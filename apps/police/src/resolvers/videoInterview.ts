import { notFound } from "@samraad/subgraph-kit";
import { assertBookable, assertCanCancel, assertCanRecordHeld, assertVersion } from "../domain/videoInterview.ts";
import type { MutationResolvers, QueryResolvers, VideoInterviewResolvers } from "../generated/graphql.ts";

export const VideoInterview: VideoInterviewResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.interviewById.load(ref.id),
};

export const videoInterviewQueries: Pick<QueryResolvers, "videoInterview"> = {
  videoInterview: async (_root, { id }, ctx) => (await ctx.loaders.interviewById.load(id)) ?? null,
};

export const videoInterviewMutations: Pick<MutationResolvers, "bookVideoInterview" | "recordVideoInterviewHeld" | "cancelVideoInterview"> =
  {
    bookVideoInterview: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const report = await tx.policeReport.findUnique({ where: { id: input.policeReportId } });
        if (!report) throw notFound("The police report");
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
        const interview = await tx.videoInterview.findUnique({ where: { id: input.interviewId } });
        if (!interview) throw notFound("The video interview");
        assertVersion(interview, input.version);
        assertCanRecordHeld(interview, input.heldAt, input.observers);
        return tx.videoInterview.update({
          where: { id: interview.id, version: input.version },
          data: { status: "HELD", heldAt: input.heldAt, observers: input.observers, version: { increment: 1 } },
        });
      }),
    cancelVideoInterview: async (_root, { input }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const interview = await tx.videoInterview.findUnique({ where: { id: input.interviewId } });
        if (!interview) throw notFound("The video interview");
        assertVersion(interview, input.version);
        const reason = assertCanCancel(interview, input.reason);
        return tx.videoInterview.update({
          where: { id: interview.id, version: input.version },
          data: { status: "CANCELLED", cancellationReason: reason, version: { increment: 1 } },
        });
      }),
  };

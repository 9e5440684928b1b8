import { notFound } from "@samraad/subgraph-kit";
import { MEETING } from "../data/find.ts";
import { cancelSamraadMeeting, moveSamraadMeeting, planSamraadMeeting, recordSamraadMeetingHeld } from "../domain/samraadMeeting.ts";
import type { MutationResolvers, QueryResolvers, SamraadMeetingResolvers } from "../generated/graphql.ts";

export const SamraadMeeting: SamraadMeetingResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.meetingById.load(ref.id)),
  participants: (meeting, _args, ctx) => ctx.loaders.meetingParticipantsByMeetingId.load(meeting.id),
  decisions: (meeting, _args, ctx) => ctx.loaders.decisionsByMeetingId.load(meeting.id),
  actionItems: (meeting, _args, ctx) => ctx.loaders.actionItemsByMeetingId.load(meeting.id),
};

export const samraadMeetingQueries: Pick<QueryResolvers, "samraadMeeting"> = {
  samraadMeeting: async (_root, { id }, ctx) =>
    (await ctx.access.visibleRow(await ctx.loaders.meetingById.load(id))) ?? Promise.reject(notFound(MEETING)),
};

export const samraadMeetingMutations: Pick<
  MutationResolvers,
  "planSamraadMeeting" | "recordSamraadMeetingHeld" | "cancelSamraadMeeting" | "moveSamraadMeeting"
> = {
  planSamraadMeeting: (_root, { input }, ctx) => planSamraadMeeting(ctx, input),
  recordSamraadMeetingHeld: (_root, { input }, ctx) => recordSamraadMeetingHeld(ctx, input),
  cancelSamraadMeeting: (_root, { input }, ctx) => cancelSamraadMeeting(ctx, input),
  moveSamraadMeeting: (_root, { input }, ctx) => moveSamraadMeeting(ctx, input),
};

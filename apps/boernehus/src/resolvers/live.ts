import { assertUuid } from "@samraad/subgraph-kit";
import { caseChanges, othersInMeeting } from "../domain/liveChange.ts";
import type { SamraadMeetingResolvers, SubscriptionResolvers } from "../generated/graphql.ts";

/** Live changes of one case (docs/live.md): the row rules and presence are the domain's (liveChange.ts). */
export const liveSubscriptions: Pick<SubscriptionResolvers, "caseChanged"> = {
  caseChanged: {
    subscribe: async (_root, args, ctx) =>
      caseChanges(ctx, assertUuid(args.caseId, "caseId"), args.meetingId == null ? null : assertUuid(args.meetingId, "meetingId")),
  },
};

export const SamraadMeetingPresence: Pick<SamraadMeetingResolvers, "openBy"> = {
  openBy: (meeting, _args, ctx) => othersInMeeting(ctx, meeting.id),
};

import { assertUuid, notFound } from "@samraad/subgraph-kit";
import { MEETING } from "../data/find.ts";
import { enterPresence, meetingViewers } from "../data/presence.ts";
import { changeKindOf, LIVE_ACCESS_RECHECK_MS } from "../domain/liveChange.ts";
import type { CaseChange, SamraadMeetingResolvers, SubscriptionResolvers } from "../generated/graphql.ts";

/**
 * Live changes of one case (docs/live.md). The row rules decide at the start exactly as
 * for `boernehusCase` (one NOT_FOUND for a case that is hidden and one that does not
 * exist), and are asked again, on a fresh decision, when an event comes more than a minute
 * after the last one: a participant removed from the case stops getting events.
 */
export const liveSubscriptions: Pick<SubscriptionResolvers, "caseChanged"> = {
  caseChanged: {
    subscribe: async (_root, args, ctx) => {
      const caseId = assertUuid(args.caseId, "caseId");
      const meetingId = args.meetingId == null ? null : assertUuid(args.meetingId, "meetingId");
      const live = ctx.live;
      const signal = ctx.signal;
      if (!live || !signal) throw new Error("live subscriptions are not served by this process");
      if (!(await ctx.access.visibleCase(caseId))) {
        ctx.audit.deny("Subscription", "caseChanged", { caseId });
        throw notFound("The case");
      }
      if (meetingId && (await ctx.loaders.meetingById.load(meetingId))?.caseId !== caseId) throw notFound(MEETING);
      ctx.audit.touch("Subscription", "caseChanged", { caseId });
      const leave = meetingId ? await enterPresence(ctx.db, ctx.principal, caseId, meetingId, () => ctx.clock.now()) : null;
      const stillVisible = async () => (await ctx.accessAt(ctx.clock.now()).visibleCase(caseId)) !== null;
      return (async function* changes(): AsyncGenerator<{ caseChanged: CaseChange }> {
        let decidedAt = performance.now();
        try {
          for await (const event of live.events(caseId, signal)) {
            const change = changeKindOf(event.table);
            if (!change) continue;
            if (performance.now() - decidedAt > LIVE_ACCESS_RECHECK_MS) {
              if (!(await stillVisible())) return;
              decidedAt = performance.now();
            }
            yield { caseChanged: { caseId, change, recordId: event.id, version: event.version } };
          }
        } finally {
          await leave?.().catch(() => {});
        }
      })();
    },
  },
};

export const SamraadMeetingPresence: Pick<SamraadMeetingResolvers, "openBy"> = {
  openBy: (meeting, _args, ctx) => meetingViewers(ctx.db, meeting.id, ctx.principal, ctx.clock.now()),
};

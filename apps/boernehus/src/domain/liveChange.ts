import { notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { MEETING } from "../data/find.ts";
import { enterPresence, meetingViewers } from "../data/presence.ts";
import type { CaseChange, CaseChangeKind } from "../generated/graphql.ts";

/** Which table's change is which kind of news for a case's open pages (docs/live.md). */
const KIND_OF_TABLE: Record<string, CaseChangeKind> = {
  BoernehusCase: "CASE",
  CaseParticipant: "PARTICIPANTS",
  SamraadMeeting: "MEETING",
  MeetingParticipant: "MEETING",
  ActivityDecision: "MEETING",
  ActionItem: "ACTION_ITEM",
  CrisisSupportSession: "CRISIS_SUPPORT",
  Assessment: "ASSESSMENT",
  FinalNote: "FINAL_NOTE",
  Recommendation: "FINAL_NOTE",
  Consultation: "CONSULTATION",
  LivePresence: "PRESENCE",
  RESYNC: "RESYNC",
};

export function changeKindOf(table: string): CaseChangeKind | null {
  return KIND_OF_TABLE[table] ?? null;
}

/** How long a subscription lives on one access decision before the row rules are asked again. */
export const LIVE_ACCESS_RECHECK_MS = 60_000;

/**
 * Live changes of one case (docs/live.md). The row rules decide at the start exactly as
 * for `boernehusCase` (one NOT_FOUND for a case that is hidden and one that does not
 * exist), and are asked again, on a fresh decision, when the case's participants change and
 * when an event comes more than a minute after the last decision: a participant removed from
 * the case has her stream ended at once (her page, asking again, is refused), and one who
 * loses access another way (a course closed past its grace days) within a minute of the next
 * event. With a meeting, the principal is shown as having it open (presence) while the stream lasts.
 */
export async function caseChanges(
  ctx: Context,
  caseId: string,
  meetingId: string | null,
): Promise<AsyncGenerator<{ caseChanged: CaseChange }>> {
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
        if (change === "PARTICIPANTS" || performance.now() - decidedAt > LIVE_ACCESS_RECHECK_MS) {
          if (!(await stillVisible())) return;
          decidedAt = performance.now();
        }
        yield { caseChanged: { caseId, change, recordId: event.id, version: event.version } };
      }
    } finally {
      await leave?.().catch(() => {});
    }
  })();
}

/** The others who have the meeting open now (presence), never the asker. */
export function othersInMeeting(ctx: Context, meetingId: string) {
  return meetingViewers(ctx.db, meetingId, ctx.principal, ctx.clock.now());
}

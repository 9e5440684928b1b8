import type { CaseChangeKind } from "../generated/graphql.ts";

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

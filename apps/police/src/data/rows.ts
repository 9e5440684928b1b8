import type { PoliceReport, Suspect, VideoInterview } from "../generated/prisma/client.ts";

// The shapes resolvers pass around: Prisma rows, plus the federation reference.
export type PoliceReportRow = PoliceReport;
export type VideoInterviewRow = VideoInterview;
export type SuspectRow = Suspect;
/** The hub as the query plan sends it: its id, and the børnehus subgraph's access grant (@requires). */
export type CaseRef = {
  id: string;
  accessGrant?: string | null;
  /** From the børnehus, for the video interview clock (@requires). */
  childAgeAtReferral?: number | null;
};

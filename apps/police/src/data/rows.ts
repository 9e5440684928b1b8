import type { PoliceReport, Suspect, VideoInterview } from "../generated/prisma/client.ts";

// The shapes resolvers pass around: Prisma rows, plus the federation reference.
export type PoliceReportRow = PoliceReport;
export type VideoInterviewRow = VideoInterview;
export type SuspectRow = Suspect;
export type CaseRef = { id: string };

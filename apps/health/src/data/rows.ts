import type { MedicalExamination, OnwardReferral } from "../generated/prisma/client.ts";

// The shapes resolvers pass around: Prisma rows, plus the federation reference.
export type MedicalExaminationRow = MedicalExamination;
export type OnwardReferralRow = OnwardReferral;
/** The hub as the query plan sends it: its id, and the børnehus subgraph's access grant (@requires). */
export type CaseRef = { id: string; accessGrant?: string | null };

import type { MedicalExamination, OnwardReferral } from "../generated/prisma/client.ts";

// The shapes resolvers pass around: Prisma rows, plus the federation reference.
export type MedicalExaminationRow = MedicalExamination;
export type OnwardReferralRow = OnwardReferral;
export type CaseRef = { id: string };
